"""A real S3-compatible server on 127.0.0.1 for the remote-storage tests: moto's standalone server
(``ThreadedMotoServer``, werkzeug serving HTTP in a thread of the test process), reached through
s3fs over HTTP like any S3 endpoint - no patched client.  Skipped where ``newsdistill[remote]``
or ``moto[server]`` is not installed."""

from __future__ import annotations

import contextlib
import logging
import os
import socket

import pytest

# dummy credentials: moto accepts any unless its IAM checks are switched on (denied_credentials)
ACCESS_KEY = "AKIATESTNEWSDISTILL1"
SECRET_KEY = "s3cr3t-NEWSDISTILL-never-logged-7f3a9c"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class S3Server:
    def __init__(self):
        pytest.importorskip("s3fs")
        server = pytest.importorskip("moto.server")
        logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one log line per request otherwise
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self._server = server.ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)
        self._server.start()
        import s3fs

        self.fs = s3fs.S3FileSystem(endpoint_url=self.endpoint, key=ACCESS_KEY, secret=SECRET_KEY,
                                    skip_instance_cache=True)

    def env(self) -> dict[str, str]:
        """Environment of a CLI subprocess: credentials from the usual AWS variables, no config file."""
        return {"AWS_ACCESS_KEY_ID": ACCESS_KEY, "AWS_SECRET_ACCESS_KEY": SECRET_KEY, "AWS_DEFAULT_REGION": "us-east-1",
                "AWS_CONFIG_FILE": os.devnull, "AWS_SHARED_CREDENTIALS_FILE": os.devnull}

    def options(self) -> list[str]:
        return ["--storage-option", f"endpoint_url={self.endpoint}"]

    def bucket(self, name: str) -> str:
        if not self.fs.exists(name):
            self.fs.mkdir(name)
        return name

    def put(self, key: str, data: bytes) -> str:
        self.fs.pipe_file(key, data)
        return f"s3://{key}"

    def keys(self, prefix: str) -> list[str]:
        self.fs.invalidate_cache()
        return sorted(p.rsplit("/", 1)[-1] for p in self.fs.find(prefix))

    @contextlib.contextmanager
    def denied_credentials(self):
        """moto checks every request's credentials (IAM) inside this block: unknown keys get 403."""
        from moto import settings

        old = settings.INITIAL_NO_AUTH_ACTION_COUNT
        settings.INITIAL_NO_AUTH_ACTION_COUNT = 0
        try:
            yield
        finally:
            settings.INITIAL_NO_AUTH_ACTION_COUNT = old

    def stop(self) -> None:
        self._server.stop()


@contextlib.contextmanager
def s3_server():
    old = {k: os.environ.get(k) for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_DEFAULT_REGION")}
    server = S3Server()
    os.environ.update({k: v for k, v in server.env().items() if k.startswith("AWS_") and "FILE" not in k})
    try:
        yield server
    finally:
        server.stop()
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
