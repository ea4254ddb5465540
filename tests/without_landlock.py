"""Run a command as a container runtime without Landlock would: its three syscalls fail (EPERM).

    python tests/without_landlock.py PROGRAM [ARGS...]

A seccomp filter (inherited by every child) answers landlock_create_ruleset, landlock_add_rule
and landlock_restrict_self (444-446 on every architecture) with EPERM, then execs PROGRAM.
"""

import ctypes
import os
import sys

PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 38, 22, 2
RET_ERRNO_EPERM, RET_ALLOW = 0x00050000 | 1, 0x7FFF0000


class Instruction(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint16), ("jt", ctypes.c_uint8), ("jf", ctypes.c_uint8),
                ("k", ctypes.c_uint32)]


class Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(Instruction))]


PROGRAM = [  # load the syscall number; 444 <= nr <= 446 ? EPERM : allow
    (0x20, 0, 0, 0), (0x35, 0, 2, 444), (0x25, 1, 0, 446), (0x06, 0, 0, RET_ERRNO_EPERM),
    (0x06, 0, 0, RET_ALLOW)]

if __name__ == "__main__":
    libc = ctypes.CDLL(None, use_errno=True)
    instructions = (Instruction * len(PROGRAM))(*[Instruction(*i) for i in PROGRAM])
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 or libc.prctl(
            PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(Program(len(PROGRAM), instructions)), 0, 0) != 0:
        sys.exit(f"cannot install the seccomp filter: errno {ctypes.get_errno()}")
    os.execv(sys.argv[1], sys.argv[1:])
