# gukdae's host for lm-evaluation-harness `!function` helpers. Started by PythonHelpers.java as
#   /usr/bin/python3 -I -S host.py CPU_SECONDS ADDRESS_SPACE_BYTES IDLE_SECONDS HELPER_DIR...
# with an empty environment and the helper folder as working directory. It answers one JSON line
# per request line on stdin. Helpers' own print() output goes to stderr so it can never be taken
# for an answer. Written for gukdae; lm-eval's code is not in it.
import json
import os
import resource
import sys
import traceback

PROTOCOL = os.fdopen(os.dup(1), "w", encoding="utf-8", newline="\n")
sys.stdin.reconfigure(encoding="utf-8")
sys.stderr.reconfigure(encoding="utf-8", errors="backslashreplace")
sys.stdout = sys.stderr


def cap(kind, value):
    """Soft and hard limit to value, or lower where the machine's hard limit is already lower."""
    hard = resource.getrlimit(kind)[1]
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(kind, (value, value))


def limit(cpu_seconds, address_space):
    cap(resource.RLIMIT_CPU, cpu_seconds)
    cap(resource.RLIMIT_AS, address_space)
    # No byte may be written to any file (the pipes to gukdae are not files).
    cap(resource.RLIMIT_FSIZE, 0)
    cap(resource.RLIMIT_NOFILE, 64)
    cap(resource.RLIMIT_CORE, 0)


HOST_DIR = os.path.dirname(os.path.abspath(__file__))
STUB_DIR = os.path.join(HOST_DIR, "stub")
DIST_PACKAGES = "/usr/lib/python3/dist-packages"

# Events refused outright: processes, signals, file-system changes, raw memory access.
DENIED = {
    "os.system", "os.exec", "os.spawn", "os.posix_spawn", "os.fork", "os.forkpty", "os.kill",
    "os.killpg", "subprocess.Popen", "pty.spawn", "signal.pthread_kill", "os.remove", "os.rmdir",
    "os.rename", "os.mkdir", "os.symlink", "os.link", "os.truncate", "os.chmod", "os.chown",
    "os.utime", "os.chdir", "os.chroot", "os.setxattr", "os.removexattr", "shutil.rmtree",
    "shutil.copyfile", "shutil.move", "os.putenv", "os.unsetenv", "mmap.__new__",
    "socket.__new__", "socket.connect", "socket.bind", "socket.getaddrinfo", "socket.gethostbyname",
    "socket.sendto", "urllib.Request", "webbrowser.open", "ctypes.dlopen", "ctypes.dlsym",
    "ctypes.cdata", "ctypes.call_function", "sys.remote_exec", "winreg.OpenKey",
}
# Modules that reach around the guard (native calls, raw process creation).
DENIED_MODULES = {"ctypes", "_ctypes", "_posixsubprocess", "_xxsubinterpreters", "cffi"}


class SandboxError(PermissionError):
    pass


class SandboxImportError(ImportError):
    pass


def readable_roots(helper_dirs):
    roots = [HOST_DIR]
    roots += [os.path.realpath(p) for p in sys.path if p and os.path.isdir(p)]
    roots += [os.path.realpath(d) for d in helper_dirs]
    if os.path.isdir(DIST_PACKAGES):
        roots.append(os.path.realpath(DIST_PACKAGES))
    return tuple(r.rstrip("/") + "/" for r in roots)


def install_guard(roots):
    def allowed(path):
        if isinstance(path, int):
            return True  # an already open descriptor (the pipes)
        if isinstance(path, bytes):
            path = path.decode("utf-8", "replace")
        real = os.path.realpath(os.fspath(path))
        return any((real + "/").startswith(root) for root in roots)

    def hook(event, args):
        if event in DENIED:
            raise SandboxError("gukdae sandbox: %s is not allowed in a helper" % event)
        if event == "import" and args[0].split(".")[0] in DENIED_MODULES:
            raise SandboxImportError(
                "gukdae sandbox: module %s is not allowed" % args[0], name=args[0]
            )
        if event == "open":
            path, mode, flags = args
            writing = (mode is not None and any(c in mode for c in "wax+")) or (
                mode is None and isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR)
            )
            if writing or not allowed(path):
                raise SandboxError("gukdae sandbox: cannot open %r" % (path,))
        if event in ("os.listdir", "os.scandir") and args[0] is not None and not allowed(args[0]):
            raise SandboxError("gukdae sandbox: cannot list %r" % (args[0],))

    sys.addaudithook(hook)


def plain(value):
    """JSON for numpy scalars and arrays too; anything else is the helper's error."""
    if hasattr(value, "tolist"):
        return value.tolist()
    if hasattr(value, "item"):
        return value.item()
    if hasattr(value, "to_list"):
        return value.to_list()
    if isinstance(value, (tuple, set, frozenset)):
        return list(value)
    raise TypeError("a helper returned %s, which is not JSON data" % type(value).__name__)


MODULES = {}


def function(ref):
    index, dotted = ref.split(":", 1)
    module_name, _, name = dotted.rpartition(".")
    key = index + ":" + module_name
    if key not in MODULES:
        import importlib.util

        folder = HELPER_DIRS[int(index)]
        path = os.path.join(folder, module_name.replace(".", "/") + ".py")
        unique = "gukdae_helper_%s_%s" % (index, module_name.replace(".", "_"))
        spec = importlib.util.spec_from_file_location(unique, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[unique] = module
        spec.loader.exec_module(module)
        MODULES[key] = module
    target = getattr(MODULES[key], name, None)
    if not callable(target):
        raise LookupError("%s.py has no function %s" % (module_name, name))
    return target


def answer(request):
    op = request["op"]
    fn = function(request["fn"])
    if op == "load":
        return None
    if op == "map":
        out = []
        for index, doc in enumerate(request["docs"]):
            try:
                out.append(fn(doc))
            except BaseException as error:  # noqa: B036
                error.gukdae_index = index
                raise
        return out
    if op == "process_docs":
        import datasets

        result = fn(datasets.Dataset.from_list(request["docs"]))
        if isinstance(result, datasets.Dataset):
            return result.to_list()
        return [dict(doc) for doc in result]
    if op == "call":
        return fn(*request["args"])
    raise ValueError("unknown op " + op)


def failure(error):
    sandbox = isinstance(error, (SandboxError, SandboxImportError))
    missing = isinstance(error, ImportError) and not sandbox
    return {
        "error": {
            "kind": "sandbox" if sandbox else "missing_module" if missing else "helper",
            "module": getattr(error, "name", None) if missing else None,
            "type": type(error).__name__,
            "message": str(error),
            "index": getattr(error, "gukdae_index", None),
            "traceback": traceback.format_exc(limit=-6),
        }
    }


def main():
    global HELPER_DIRS
    cpu, address_space, idle = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    HELPER_DIRS = [os.path.abspath(d) for d in sys.argv[4:]]
    sys.path[:0] = [STUB_DIR] + HELPER_DIRS
    if os.path.isdir(DIST_PACKAGES):
        sys.path.append(DIST_PACKAGES)
    import importlib.util  # noqa: F401  (loaded before the guard, like json)
    import datasets  # noqa: F401  (the stand-in)
    import select

    limit(cpu, address_space)
    install_guard(readable_roots(HELPER_DIRS))
    while True:
        # An idle host ends itself: gukdae starts a new one when it needs it again.
        if not select.select([sys.stdin], [], [], idle)[0]:
            return
        line = sys.stdin.readline()
        if not line:
            return
        try:
            reply = {"ok": answer(json.loads(line))}
            text = json.dumps(reply, ensure_ascii=False, allow_nan=False, default=plain)
        except BaseException as error:  # noqa: B036 (a helper's SystemExit must not end the host)
            text = json.dumps(failure(error), ensure_ascii=False)
        PROTOCOL.write(text + "\n")
        PROTOCOL.flush()


main()
