"""A warm parent for student processes: Python and NumPy are imported once, and each student
process is a fork of this one, so no submission pays for an interpreter's start-up.

Started by the grader (``sandbox``) as ``python -I -u -m autograder.zygote FD``, where FD is one
end of an anonymous socket pair whose other end only the grader holds. Requests are JSON, with
file descriptors passed alongside (SCM_RIGHTS):

- ``{"op": "spawn", "workdir", "env", "memory_bytes", "cpu_seconds"}`` with the student's command
  pipe, reply pipe and output pipe: forks a student process, answers ``{"pid": N}``;
- ``{"op": "wait", "pid": N}``: reaps that process (after it died or the grader killed it),
  answers ``{"status": S}`` (a wait status).

The fork closes the socket before anything else, so no student code can reach this process;
from there on it is exactly a worker (``autograder.worker.serve``), confined the same way.
"""

from __future__ import annotations

import io
import json
import os
import resource
import socket
import sys

import numpy  # noqa: F401 - imported once here, shared by every fork

from autograder import worker


def main(fd: int) -> None:
    control = socket.socket(fileno=fd)
    while True:
        try:
            data, fds, _flags, _address = socket.recv_fds(control, 1 << 16, 3)
        except OSError:
            return
        if not data:
            return  # the grader is gone
        request = json.loads(data)
        if request["op"] == "spawn":
            pid = os.fork()
            if pid == 0:
                try:
                    control.close()
                    _become_student(request, fds)
                finally:
                    os._exit(70)  # never return into this loop
            for descriptor in fds:
                os.close(descriptor)
            reply = {"pid": pid}
        else:
            try:
                reply = {"status": os.waitpid(request["pid"], 0)[1]}
            except ChildProcessError:
                reply = {"status": None}
        control.sendall(json.dumps(reply).encode())


def _become_student(request: dict, fds: list[int]) -> None:
    command_read, reply_write, output = fds
    os.setsid()
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(output, 1)
    os.dup2(output, 2)
    for descriptor in (devnull, output):
        os.close(descriptor)
    sys.stdout, sys.stderr = (io.TextIOWrapper(io.FileIO(n, "w", closefd=False), encoding="utf-8",
                                               errors="backslashreplace", write_through=True)
                              for n in (1, 2))
    os.chdir(request["workdir"])
    os.environ.clear()
    os.environ.update(request["env"])
    memory, cpu = request["memory_bytes"], request["cpu_seconds"]
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    worker.serve(command_read, reply_write)
    os._exit(0)


if __name__ == "__main__":
    main(int(sys.argv[1]))
