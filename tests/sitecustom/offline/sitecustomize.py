"""Put first on PYTHONPATH: this Python process cannot open network connections.

Unix-domain sockets stay open: they never leave the machine, and the render
workers' fork server talks through one.
"""

import socket

_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex


def _refuse(*args, **kwargs):
    raise OSError("network is switched off for this build")


def _local_only(original):
    def connect(self, address, *args, **kwargs):
        if self.family == getattr(socket, "AF_UNIX", None):
            return original(self, address, *args, **kwargs)
        return _refuse()

    return connect


socket.socket.connect = _local_only(_connect)
socket.socket.connect_ex = _local_only(_connect_ex)
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
