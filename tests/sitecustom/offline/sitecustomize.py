"""Put first on PYTHONPATH: this Python process cannot open network connections."""

import socket


def _refuse(*args, **kwargs):
    raise OSError("network is switched off for this build")


socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
