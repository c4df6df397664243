"""A TCP proxy between client and server that cuts, delays and truncates on demand."""
from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass


@dataclass
class Fault:
    #: cut_request: close after ``after`` bytes of the request;
    #: cut_response: let the server answer, forward ``after`` bytes of it, then close;
    #: delay: sleep ``seconds`` before forwarding each chunk.
    kind: str
    after: int = 0
    seconds: float = 0.0
    #: Only requests containing this (e.g. b"/sync/push") trigger the fault.
    match: bytes = b""
    #: How many times it fires before it disarms itself (0: until cleared).
    times: int = 1


class FaultProxy:
    def __init__(self, upstream_port: int) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.fault: Fault | None = None
        self.fired = 0
        #: The first bytes of every request seen (request line and headers), in order.
        self.heads: list[bytes] = []
        #: Connections the client opened through the proxy.
        self.connections = 0
        self._lock = threading.Lock()
        self._stop = False
        threading.Thread(target=self._accept, daemon=True).start()

    def set(self, fault: Fault | None) -> None:
        with self._lock:
            self.fault = fault
            self.fired = 0

    def close(self) -> None:
        self._stop = True
        self.sock.close()

    def _take(self, request_head: bytes) -> Fault | None:
        with self._lock:
            self.heads.append(request_head)
            f = self.fault
            if f is None or (f.match and f.match not in request_head):
                return None
            if f.kind != "delay":
                self.fired += 1
                if f.times and self.fired >= f.times:
                    self.fault = None
            return f

    def _accept(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with self._lock:
                self.connections += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(self.upstream)
        except OSError:
            client.close()
            return
        state = {"fault": None, "sent": 0}
        done = threading.Event()

        def close_both() -> None:
            done.set()
            for s in (client, upstream):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()

        def downstream() -> None:
            try:
                while not done.is_set():
                    data = upstream.recv(65536)
                    if not data:
                        break
                    fault = state["fault"]
                    if fault is not None and fault.kind == "delay":
                        time.sleep(fault.seconds)
                    if fault is not None and fault.kind == "cut_response":
                        room = fault.after - state["sent"]
                        if room <= len(data):
                            client.sendall(data[:max(room, 0)])
                            break
                        state["sent"] += len(data)
                    client.sendall(data)
            except OSError:
                pass
            close_both()

        threading.Thread(target=downstream, daemon=True).start()
        sent_up = 0
        try:
            while not done.is_set():
                data = client.recv(65536)
                if not data:
                    break
                if b"HTTP/1.1\r\n" in data[:400]:
                    # A new request on this connection: decide its fault.
                    state["fault"] = self._take(data[:2000])
                    state["sent"] = 0
                    sent_up = 0
                fault = state["fault"]
                if fault is not None and fault.kind == "delay":
                    time.sleep(fault.seconds)
                if fault is not None and fault.kind == "cut_request":
                    room = fault.after - sent_up
                    if room <= len(data):
                        upstream.sendall(data[:max(room, 0)])
                        break
                upstream.sendall(data)
                sent_up += len(data)
        except OSError:
            pass
        close_both()
