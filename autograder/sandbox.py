"""The grader's handle on one student process: spawn, limit, talk, kill.

Each submission's code runs in a fresh ``python -I -m autograder.worker`` in its own session
(process group), its own empty working directory, with no stdin, a memory limit, and a cap on the
output kept. The grader waits for each reply with a deadline; on a timeout, a crash or a malformed
reply it kills the whole process group, so nothing the student started survives.
"""

from __future__ import annotations

import json
import os
import resource
import select
import signal
import subprocess
import sys
import threading
import time
from typing import Any

from autograder import framing

OUTPUT_LIMIT = 64 * 1024  # bytes of student stdout/stderr kept per submission
START_SECONDS = 30.0  # python + numpy start-up, generous for a loaded machine


PR_SET_CHILD_SUBREAPER = 36
_live_workers: set[int] = set()
_workers_lock = threading.Lock()
_subreaper = False


def _become_subreaper() -> None:
    """Make orphans of student processes (a double fork, a setsid) our children, so that
    ``_sweep_orphans`` can find and kill them; Linux only, harmless elsewhere."""
    global _subreaper
    if not _subreaper and sys.platform.startswith("linux"):
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
        _subreaper = True
        with _workers_lock:  # children this process had before grading (a host's own helpers)
            _live_workers.update(_children())


def _children() -> list[int]:
    me, found = os.getpid(), []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as stream:
                    if int(stream.read().rsplit(b")", 1)[1].split()[1]) == me:
                        found.append(int(entry))
            except (OSError, IndexError, ValueError):
                continue
    return found


def _sweep_orphans(seconds: float = 10.0) -> None:
    """Kill and reap every child of ours that is not a live worker: what a student left behind.
    Killing one orphan hands us its children, so this repeats until none is left (a chain of
    setsid'd processes takes a round per link), within ``seconds``. Reaping never blocks: a
    process traced by another orphan can only be reaped once its tracer is dead too."""
    deadline = time.monotonic() + seconds
    quiet_rounds = 0
    while time.monotonic() < deadline and quiet_rounds < 3:
        children = _children()
        with _workers_lock:
            orphans = [pid for pid in children if pid not in _live_workers]
        quiet_rounds = 0 if orphans else quiet_rounds + 1
        for pid in orphans:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        for pid in orphans:
            try:
                os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                pass
        if not orphans:
            time.sleep(0.005)


class Timeout(Exception):
    """The student process did not answer within its time limit."""


class Crashed(Exception):
    """The student process died or sent something that is not a message."""


def _student_environment(home: str) -> dict[str, str]:
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8",
           "LC_ALL": "C.UTF-8", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
           "MKL_NUM_THREADS": "1", "PYTHONHASHSEED": "0"}
    for name in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):  # machine quirks numpy needs
        if name in os.environ:
            env[name] = os.environ[name]
    return env


class _Zygote:
    """The grader's end of ``autograder.zygote``: one warm parent per grader process."""

    def __init__(self) -> None:
        import socket
        self._socket_module = socket
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.process = subprocess.Popen(
            [sys.executable, "-I", "-u", "-m", "autograder.zygote", str(theirs.fileno())],
            pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            env=_student_environment("/"), start_new_session=True)
        theirs.close()
        self.control = ours
        self.lock = threading.Lock()
        with _workers_lock:
            _live_workers.add(self.process.pid)  # never swept as an orphan

    def request(self, message: dict, fds: tuple[int, ...] = ()) -> dict:
        with self.lock:
            self._socket_module.send_fds(self.control, [json.dumps(message).encode()], list(fds))
            data = self.control.recv(1 << 16)
        if not data:
            raise Crashed("the zygote process is gone")
        return json.loads(data)


_zygote: _Zygote | None = None
_zygote_failed = False
_zygote_lock = threading.Lock()


def _get_zygote() -> _Zygote | None:
    """The shared zygote, started on first use; None where it cannot run (then every student
    process is started afresh, which is slower but the same)."""
    global _zygote, _zygote_failed
    with _zygote_lock:
        if _zygote is None and not _zygote_failed and sys.platform.startswith("linux"):
            try:
                _zygote = _Zygote()
            except OSError:
                _zygote_failed = True
        return _zygote


class StudentProcess:
    def __init__(self, workdir: str, memory_limit_mb: int, cpu_limit_seconds: int = 120) -> None:
        self.workdir = workdir
        self.memory_limit_mb = memory_limit_mb
        self.cpu_limit_seconds = cpu_limit_seconds
        self.pid: int | None = None
        self._popen: subprocess.Popen | None = None  # set when not forked from the zygote
        self._status: int | None = None  # exit code once reaped (negative: killed by a signal)
        self._output = bytearray()
        self._output_total = 0
        self._buffer = b""
        self._sequence = 0

    # --- life cycle -------------------------------------------------------------------------
    def start(self) -> None:
        _become_subreaper()
        command_read, self._command_write = os.pipe()
        self._reply_read, reply_write = os.pipe()
        output_read, output_write = os.pipe()
        limit = self.memory_limit_mb * 1024 * 1024
        cpu = self.cpu_limit_seconds  # CPU seconds: a busy thread cannot outlast the budget
        zygote = _get_zygote()
        try:
            with _workers_lock:  # a sweep in another thread must never take a new worker for an orphan
                if zygote is not None:
                    self.pid = zygote.request(
                        {"op": "spawn", "workdir": self.workdir,
                         "env": _student_environment(self.workdir), "memory_bytes": limit,
                         "cpu_seconds": cpu}, (command_read, reply_write, output_write))["pid"]
                else:
                    self._popen = subprocess.Popen(
                        [sys.executable, "-I", "-u", "-m", "autograder.worker", str(command_read),
                         str(reply_write)], pass_fds=(command_read, reply_write),
                        stdin=subprocess.DEVNULL, stdout=output_write, stderr=subprocess.STDOUT,
                        cwd=self.workdir, env=_student_environment(self.workdir),
                        start_new_session=True)
                    self.pid = self._popen.pid
                    resource.prlimit(self.pid, resource.RLIMIT_AS, (limit, limit))
                    resource.prlimit(self.pid, resource.RLIMIT_CPU, (cpu, cpu + 1))
                _live_workers.add(self.pid)
        finally:
            for descriptor in (command_read, reply_write, output_write):
                os.close(descriptor)
        os.set_blocking(self._command_write, False)
        self._drain = threading.Thread(target=self._drain_output,
                                       args=(os.fdopen(output_read, "rb"),), daemon=True)
        self._drain.start()
        ready = self._receive(START_SECONDS)
        self.confinement = str(ready.get("confinement", "unknown")) if isinstance(ready, dict) else "unknown"

    def kill(self) -> None:
        """Kill the student's whole process group, and reap it."""
        if self.pid is None:
            return
        for kill in (os.killpg, os.kill):  # the group, or the process if it has none yet
            try:
                kill(self.pid, signal.SIGKILL)
                break
            except ProcessLookupError:
                continue
        self._reap()
        with _workers_lock:
            _live_workers.discard(self.pid)
        if sys.platform.startswith("linux"):
            _sweep_orphans()
        self._drain.join(timeout=1)
        for fd in (self._command_write, self._reply_read):
            try:
                os.close(fd)
            except OSError:
                pass
        self.pid = None
        self._buffer = b""

    def _reap(self) -> None:
        """Wait for the (dead or killed) process; keep its exit code."""
        if self._status is not None:
            return
        if self._popen is not None:
            self._status = self._popen.wait()
        else:
            status = _get_zygote().request({"op": "wait", "pid": self.pid})["status"]
            self._status = os.waitstatus_to_exitcode(status) if status is not None else 0

    def _exited(self, seconds: float) -> bool:
        """Whether the process has ended (reaped or a zombie) within ``seconds``."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self._popen is not None:
                if self._popen.poll() is not None:
                    return True
            else:
                try:
                    with open(f"/proc/{self.pid}/stat", "rb") as stream:
                        if stream.read().rsplit(b")", 1)[1].split()[0] == b"Z":
                            return True
                except OSError:
                    return True
            time.sleep(0.01)
        return False

    # --- talking ----------------------------------------------------------------------------
    def request(self, message: dict, seconds: float) -> dict:
        """Send one command and wait at most ``seconds`` (in all) for its reply."""
        deadline = time.monotonic() + seconds
        self._sequence += 1
        self._send(framing.encode({**message, "seq": self._sequence}), deadline)
        while True:  # each reply echoes its command's number: stale or forged ones cannot desync
            reply = self._receive_until(deadline)
            if not isinstance(reply, dict) or not isinstance(reply.get("seq"), int):
                raise Crashed("the student process sent a reply that is not a message")
            if reply["seq"] == self._sequence:
                return reply
            if reply["seq"] > self._sequence:
                raise Crashed("the student process sent a reply out of order")

    def _send(self, data: bytes, deadline: float) -> None:
        """Write a whole command; a worker that stops reading cannot block the grader."""
        view = memoryview(data)
        while view:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([], [self._command_write], [], remaining)[1]:
                raise Timeout()
            try:
                view = view[os.write(self._command_write, view):]
            except BlockingIOError:
                continue
            except OSError as error:
                raise Crashed(self._death_detail() or f"pipe closed ({error})") from None

    def _receive(self, seconds: float) -> Any:
        return self._receive_until(time.monotonic() + seconds)

    def _receive_until(self, deadline: float) -> Any:
        header = self._read_exactly(framing.HEADER.size, deadline)
        (length,) = framing.HEADER.unpack(header)
        if length > framing.MAX_MESSAGE:
            raise Crashed(f"reply of {length} bytes exceeds the {framing.MAX_MESSAGE}-byte limit")
        body = self._read_exactly(length, deadline)
        try:
            return json.loads(body.decode("utf-8"))
        except (ValueError, RecursionError):  # undecodable, not JSON, absurdly nested or long
            raise Crashed("the student process sent a reply that is not readable JSON") from None

    def _read_exactly(self, size: int, deadline: float) -> bytes:
        while len(self._buffer) < size:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise Timeout()
            ready, _, _ = select.select([self._reply_read], [], [], remaining)
            if not ready:
                raise Timeout()
            chunk = os.read(self._reply_read, 1 << 20)
            if not chunk:
                raise Crashed(self._death_detail() or "the student process closed its channel")
            self._buffer += chunk
        data, self._buffer = self._buffer[:size], self._buffer[size:]
        return data

    def _death_detail(self) -> str:
        if self.pid is None or not self._exited(1.0):
            return ""
        self._reap()
        code = self._status
        if code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:  # real-time signals have no name
                name = f"signal {-code}"
            hint = " (memory limit?)" if name in ("SIGKILL", "SIGSEGV", "SIGABRT") else ""
            return f"killed by {name}{hint}"
        return f"exited with status {code}"

    # --- output -----------------------------------------------------------------------------
    def _drain_output(self, stream) -> None:
        for chunk in iter(lambda: stream.read1(1 << 16), b""):
            self._output_total += len(chunk)
            room = OUTPUT_LIMIT - len(self._output)
            if room > 0:
                self._output += chunk[:room]
        stream.close()

    def output(self) -> str:
        text = self._output.decode("utf-8", errors="replace")
        if self._output_total > OUTPUT_LIMIT:
            text += f"\n[... {self._output_total - OUTPUT_LIMIT} more bytes of output not kept]"
        return text
