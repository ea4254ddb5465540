"""Confining the student process with the kernel's own means, no container needed.

Called by the worker once its imports are done and before any student code runs:
- Landlock (Linux 5.13+): the process may read only the Python installation, the virtualenv and
  the ``autograder`` package, and write only its own working directory. The reference
  solutions, the hidden cases, other students' submissions and the results are out of reach,
  even for root. From ABI 4 on, no TCP connect or bind; from ABI 6 on, no signals to processes
  outside the sandbox (the grader cannot be killed) and no abstract unix sockets.
- ``no_new_privs`` and, when running as root, every capability dropped, so the limits set by the
  grader cannot be raised again.
Where the kernel lacks Landlock the worker still runs, and reports that it is unconfined.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

# Syscall numbers are the same on every architecture for these (they came after the unification).
SYS_CREATE_RULESET, SYS_ADD_RULE, SYS_RESTRICT_SELF = 444, 445, 446
CREATE_RULESET_VERSION = 1
RULE_PATH_BENEATH = 1
PR_SET_NO_NEW_PRIVS, PR_CAPBSET_DROP, PR_SET_DUMPABLE = 38, 24, 4
CLONE_NEWIPC, CLONE_NEWNET = 0x08000000, 0x40000000
FILE_SIZE_LIMIT = 64 * 1024 * 1024  # bytes: the largest file a student process may write

EXECUTE, WRITE_FILE, READ_FILE, READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
READ = READ_FILE | READ_DIR  # never EXECUTE: no program can be started, Python itself included
ALL_FS_BY_ABI = {1: (1 << 13) - 1, 2: (1 << 14) - 1, 3: (1 << 15) - 1, 4: (1 << 15) - 1,
                 5: (1 << 16) - 1}
FILE_ONLY = EXECUTE | WRITE_FILE | READ_FILE | (1 << 14) | (1 << 15)  # rights that apply to a file
NET_BIND_TCP, NET_CONNECT_TCP = 1 << 0, 1 << 1
SCOPE_ABSTRACT_UNIX_SOCKET, SCOPE_SIGNAL = 1 << 0, 1 << 1


class _RulesetAttr(ctypes.Structure):
    _fields_ = [("handled_access_fs", ctypes.c_uint64), ("handled_access_net", ctypes.c_uint64),
                ("scoped", ctypes.c_uint64)]


class _PathBeneathAttr(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def _libc():
    return ctypes.CDLL(None, use_errno=True)


def landlock_abi() -> int:
    """The kernel's Landlock ABI version, 0 when it has none."""
    if not sys.platform.startswith("linux"):
        return 0
    version = _libc().syscall(SYS_CREATE_RULESET, None, ctypes.c_size_t(0),
                              ctypes.c_uint32(CREATE_RULESET_VERSION))
    return max(int(version), 0)


def readable_roots() -> list[str]:
    """What the student process needs to read: Python, its packages, the grader's own code."""
    import autograder
    roots = {sys.base_prefix, sys.prefix, os.path.dirname(autograder.__file__),
             "/usr/lib", "/usr/lib64", "/lib", "/lib64", "/usr/share/zoneinfo",
             "/etc/ld.so.cache", "/etc/localtime", "/dev/urandom", "/dev/zero"}
    roots |= {os.path.realpath(p) for p in list(roots)}
    return sorted(p for p in roots if os.path.exists(p))


def confine(workdir: str) -> str:
    """Confine this process; returns how ("landlock abi N" or why not)."""
    import resource
    libc = _libc()
    # private IPC objects (no System V memory shared between students) and no network at all;
    # needs root or user namespaces, so it is best effort
    isolated = libc.unshare(CLONE_NEWIPC | CLONE_NEWNET) == 0
    libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)  # not traceable, even by another student process
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_SIZE_LIMIT, FILE_SIZE_LIMIT))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past it fails (EFBIG), not the process
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return "unconfined (prctl no_new_privs failed)"
    abi = landlock_abi()
    how = f"landlock abi {abi}" if abi else "unconfined (no landlock in this kernel)"
    how += ", own network and IPC namespaces" if isolated else ""
    how += ", no sockets" if _forbid_sockets(libc) else ""
    if abi:
        _landlock(libc, abi, workdir)
    if os.geteuid() == 0:
        _drop_capabilities(libc)
    return how


def _landlock(libc, abi: int, workdir: str) -> None:
    handled_fs = ALL_FS_BY_ABI.get(abi, (1 << 16) - 1)
    attr = _RulesetAttr(handled_fs, NET_BIND_TCP | NET_CONNECT_TCP if abi >= 4 else 0,
                        SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL if abi >= 6 else 0)
    size = 24 if abi >= 6 else 16 if abi >= 4 else 8
    ruleset = libc.syscall(SYS_CREATE_RULESET, ctypes.byref(attr), ctypes.c_size_t(size),
                           ctypes.c_uint32(0))
    if ruleset < 0:
        raise OSError(ctypes.get_errno(), "landlock_create_ruleset failed")
    try:
        for path in readable_roots():
            _allow(libc, ruleset, path, READ & handled_fs)
        _allow(libc, ruleset, "/dev/null", (READ_FILE | WRITE_FILE) & handled_fs)
        _allow(libc, ruleset, workdir, handled_fs & ~EXECUTE)  # nothing written there runs either
        if libc.syscall(SYS_RESTRICT_SELF, ruleset, ctypes.c_uint32(0)) != 0:
            raise OSError(ctypes.get_errno(), "landlock_restrict_self failed")
    finally:
        os.close(ruleset)


def _allow(libc, ruleset: int, path: str, access: int) -> None:
    fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    try:
        if not os.path.isdir(path):
            access &= FILE_ONLY
        rule = _PathBeneathAttr(access, fd)
        if libc.syscall(SYS_ADD_RULE, ruleset, RULE_PATH_BENEATH, ctypes.byref(rule),
                        ctypes.c_uint32(0)) != 0:
            raise OSError(ctypes.get_errno(), f"landlock_add_rule failed for {path}")
    finally:
        os.close(fd)


# seccomp: socket() and io_uring_setup() fail with EACCES. Landlock (ABI 7) does not cover
# connecting to a named unix socket, and a fresh network namespace does not either.
SECCOMP_ARCH = {"x86_64": (0xC000003E, 41, 425), "aarch64": (0xC00000B7, 198, 425)}
PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 22, 2
RET_ALLOW, RET_EACCES = 0x7FFF0000, 0x00050000 | 13
LOAD, JUMP_IF_EQUAL, RETURN = 0x20, 0x15, 0x06


class _SockFilter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint16), ("jt", ctypes.c_uint8), ("jf", ctypes.c_uint8),
                ("k", ctypes.c_uint32)]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_SockFilter))]


def _forbid_sockets(libc) -> bool:
    """Install the seccomp filter; False where the architecture is not known here."""
    known = SECCOMP_ARCH.get(os.uname().machine)
    if known is None:
        return False
    arch, socket_nr, io_uring_nr = known
    program = [
        (LOAD, 0, 0, 4),                      # the calling convention (arch)
        (JUMP_IF_EQUAL, 0, 5, arch),          # another one: allow (a 32-bit call is not ours to judge)
        (LOAD, 0, 0, 0),                      # the system call number
        (JUMP_IF_EQUAL, 2, 0, socket_nr),
        (JUMP_IF_EQUAL, 1, 0, io_uring_nr),
        (RETURN, 0, 0, RET_ALLOW),
        (RETURN, 0, 0, RET_EACCES),
        (RETURN, 0, 0, RET_ALLOW),
    ]
    filters = (_SockFilter * len(program))(*[_SockFilter(*step) for step in program])
    fprog = _SockFprog(len(program), filters)
    return libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) == 0


def _drop_capabilities(libc) -> None:
    """Empty the bounding, effective, permitted and inheritable sets (root keeps uid 0 only)."""
    for capability in range(64):
        libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0)  # EINVAL past the last one: ignored

    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32),
                    ("inheritable", ctypes.c_uint32)]

    header = Header(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3
    data = (Data * 2)()
    if libc.capset(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capset failed")
