#!/usr/bin/env python3
"""A real LSP session with modlife-lsp over stdio.

Opens a file with a finding, receives the diagnostic with its notes, asks
for the quick fix, applies its edit to the buffer (not the disk), and sees
the diagnostic go away. Then: edits in a burst are debounced and stale runs
are cancelled, garbage C and broken JSON-RPC do not kill the server, a
crashing analyzer does not kill it either, and shutdown/exit end it cleanly.

  lsp-session.py <modlife-lsp> <modlife> <source root>
"""
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time

LSP, MODLIFE, ROOT = sys.argv[1:4]
CASE = os.path.join(ROOT, "testdata/checks/modlife-unverified-request-module/try-then-fix.c")
CHECK = "modlife-unverified-request-module"
MOCK = ["-nostdinc", "-isystem", os.path.join(ROOT, "testdata/include/linux-6"),
        "-D__KERNEL__", "-DMODULE", '-DKBUILD_MODNAME="mock"', "-std=gnu11"]


def fail(why):
    print("FAIL: " + why, file=sys.stderr)
    sys.exit(1)


class Session:
    def __init__(self, args):
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.inbox = queue.Queue()
        self.next_id = 1
        self.logs = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    def _drain_stderr(self):
        for line in self.proc.stderr:
            self.logs.append(line.decode(errors="replace"))

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.inbox.put(json.loads(out.read(length)))

    def send_raw(self, body):
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send_raw(json.dumps({"jsonrpc": "2.0", "method": method, "params": params}).encode())

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send_raw(json.dumps({"jsonrpc": "2.0", "id": rid, "method": method,
                                  "params": params}).encode())
        return self.wait(lambda m: m.get("id") == rid, "the reply to " + method)

    def wait(self, want, what, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                m = self.inbox.get(timeout=deadline - time.time())
            except queue.Empty:
                break
            if m is None:
                fail("the server exited while waiting for " + what + "\n" + "".join(self.logs))
            self.seen.append(m)
            if want(m):
                return m
        fail("timed out waiting for " + what + "\n" + "".join(self.logs))

    seen = []

    def diagnostics(self, uri, version, what):
        return self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri and m["params"].get("version") == version,
                         what)["params"]["diagnostics"]


def offset_of(text, pos):
    """Byte offset of an LSP position (the test files are ASCII)."""
    lines = text.split("\n")
    return sum(len(l) + 1 for l in lines[:pos["line"]]) + pos["character"]


def apply_edits(text, edits):
    spans = sorted(((offset_of(text, e["range"]["start"]), offset_of(text, e["range"]["end"]),
                     e["newText"]) for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def initialize(s, root):
    r = s.request("initialize", {"processId": os.getpid(), "rootUri": "file://" + root,
                                 "capabilities": {}})
    caps = r["result"]["capabilities"]
    if "quickfix" not in caps["codeActionProvider"]["codeActionKinds"]:
        fail("no quickfix code actions in capabilities: %s" % caps)
    s.notify("initialized", {})


def main():
    work = tempfile.mkdtemp(prefix="modlife-lsp-test")
    try:
        path = os.path.join(work, "driver.c")
        shutil.copy(CASE, path)
        with open(os.path.join(work, "compile_commands.json"), "w") as f:
            json.dump([{"directory": work, "file": path,
                        "arguments": ["clang-19", "-c", *MOCK, path]}], f)
        on_disk = open(path).read()
        uri = "file://" + path

        s = Session([LSP, "--debounce-ms=200"])
        # Before initialize, requests are refused, not crashed on.
        early = s.request("textDocument/codeAction", {})
        if early.get("error", {}).get("code") != -32002:
            fail("a request before initialize got %s" % early)
        initialize(s, work)

        # 1. Open: the diagnostic, with notes as related information.
        s.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "c", "version": 1, "text": on_disk}})
        diags = s.diagnostics(uri, 1, "diagnostics for the opened file")
        ours = [d for d in diags if d.get("code") == CHECK]
        if len(ours) != 1:
            fail("expected one %s diagnostic, got %s" % (CHECK, diags))
        d = ours[0]
        want_line = next(i for i, l in enumerate(on_disk.split("\n"))
                         if "return c->blocksize;" in l)
        if d["range"]["start"]["line"] != want_line or d["source"] != "modlife":
            fail("diagnostic in the wrong place: %s (want line %d)" % (d, want_line))
        if len(d.get("relatedInformation", [])) < 2:
            fail("the notes are missing from relatedInformation: %s" % d)

        # 2. The quick fix, applied to the buffer.
        r = s.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": d["range"],
            "context": {"diagnostics": [d]}})
        actions = r["result"]
        if len(actions) != 1 or actions[0]["kind"] != "quickfix":
            fail("expected one quickfix, got %s" % actions)
        edits = actions[0]["edit"]["changes"][uri]
        fixed = apply_edits(on_disk, edits)
        if "try_then_request_module(" not in fixed:
            fail("the quick fix did not write try_then_request_module: %s" % edits)
        s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                            "contentChanges": [{"text": fixed}]})
        if s.diagnostics(uri, 2, "diagnostics after the fix"):
            fail("the diagnostic did not go away after the fix")
        # The buffer, not the disk, was analyzed.
        if open(path).read() != on_disk:
            fail("the server wrote to the file on disk")

        # 3. A burst of incremental edits: only the last version is published.
        pos = {"line": 0, "character": 0}
        for v in range(3, 8):
            s.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": v},
                "contentChanges": [{"range": {"start": pos, "end": pos}, "text": "/* edit */\n"}]})
        s.diagnostics(uri, 7, "diagnostics for the last edit of a burst")
        burst = [m for m in s.seen if m.get("method") == "textDocument/publishDiagnostics"
                 and 3 <= m["params"].get("version", 0) < 7]
        if burst:
            fail("intermediate versions were published: %s" %
                 [m["params"]["version"] for m in burst])
        # Back to the buggy text: the finding returns, shifted by the edits.
        s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 8},
                                            "contentChanges": [{"text": on_disk}]})
        if len(s.diagnostics(uri, 8, "diagnostics for the reverted text")) != 1:
            fail("the finding did not come back")
        # .modlife.yaml is read, as by the CLI: turning the check off and
        # saving clears the finding.
        config = os.path.join(work, ".modlife.yaml")
        with open(config, "w") as f:
            f.write("Checks: '-*,modlife-missing-owner'\n")
        s.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
        if s.diagnostics(uri, 8, "diagnostics after .modlife.yaml turned the check off"):
            fail(".modlife.yaml was not read")
        os.remove(config)

        # 4. Garbage C and broken JSON-RPC: the server answers and lives on.
        s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 9},
                                            "contentChanges": [{"text": "int ((( garbage\n"}]})
        s.diagnostics(uri, 9, "diagnostics for garbage C")
        s.send_raw(b"{ this is not json")
        err = s.wait(lambda m: "error" in m and m.get("id") is None, "a parse error reply")
        if err["error"]["code"] != -32700:
            fail("broken JSON got %s" % err)
        r = s.request("textDocument/codeAction", {"textDocument": {"uri": uri},
                      "range": {"start": pos, "end": pos}, "context": {"diagnostics": []}})
        if r.get("result") != []:
            fail("code actions on garbage: %s" % r)
        r = s.request("no/suchMethod", {})
        if r.get("error", {}).get("code") != -32601:
            fail("an unknown method got %s" % r)

        # 5. Shutdown and exit.
        if s.request("shutdown", None).get("result", "x") is not None:
            fail("shutdown did not answer null")
        s.notify("exit", None)
        if s.proc.wait(timeout=30) != 0:
            fail("exit after shutdown did not exit 0")

        # 6. An analyzer that crashes: the server logs it and goes on.
        crasher = os.path.join(work, "crashing-modlife")
        with open(crasher, "w") as f:
            f.write("#!/bin/sh\nkill -SEGV $$\n")
        os.chmod(crasher, 0o755)
        c = Session([LSP, "--modlife=" + crasher, "--debounce-ms=0"])
        initialize(c, work)
        c.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "c", "version": 1, "text": on_disk}})
        c.wait(lambda m: m.get("method") == "window/logMessage"
               and "crashed" in m["params"]["message"], "a log line about the crash")
        c.diagnostics(uri, 1, "cleared diagnostics after the crash")
        if c.request("shutdown", None).get("result", "x") is not None:
            fail("the server did not survive the crash")
        c.notify("exit", None)
        if c.proc.wait(timeout=30) != 0:
            fail("exit after a crash did not exit 0")

        # 7. An analyzer that hangs: stopped at --analysis-timeout, logged,
        # and the server answers the next request.
        hanger = os.path.join(work, "hanging-modlife")
        with open(hanger, "w") as f:
            f.write("#!/bin/sh\nexec sleep 600\n")
        os.chmod(hanger, 0o755)
        h = Session([LSP, "--modlife=" + hanger, "--debounce-ms=0",
                     "--analysis-timeout=1"])
        initialize(h, work)
        h.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "c", "version": 1, "text": on_disk}})
        h.wait(lambda m: m.get("method") == "window/logMessage"
               and "stopped after 1 s" in m["params"]["message"],
               "a log line about the stopped analysis")
        if h.request("shutdown", None).get("result", "x") is not None:
            fail("the server did not survive a hanging analysis")
        h.notify("exit", None)
        if h.proc.wait(timeout=30) != 0:
            fail("exit after a hanging analysis did not exit 0")

        # 8. The real analyzer crashing inside clang on the edited text (a
        # front-end crash, not a fake one): the server logs it, keeps
        # going, and analyzes the next good version normally.
        r = Session([LSP, "--modlife=" + MODLIFE, "--debounce-ms=0"])
        initialize(r, work)
        r.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "c", "version": 1,
            "text": "#pragma clang __debug crash\n" + on_disk}})
        r.wait(lambda m: m.get("method") == "window/logMessage"
               and "crash" in m["params"]["message"],
               "a log line about the crashed analysis")
        r.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                            "contentChanges": [{"text": on_disk}]})
        d = r.diagnostics(uri, 2, "diagnostics after the crash")
        if not d:
            fail("no diagnostics for the good text after a crash")
        if r.request("shutdown", None).get("result", "x") is not None:
            fail("the server did not survive a front-end crash")
        r.notify("exit", None)
        if r.proc.wait(timeout=30) != 0:
            fail("exit after a front-end crash did not exit 0")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("ok: diagnostic, quick fix, debounce, garbage, crashes, a hang and "
          "shutdown all behave")


main()
