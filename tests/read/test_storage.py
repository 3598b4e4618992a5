"""Remote storage through fsspec (read/storage.py), on fsspec's in-memory filesystem: the code path
that s3://, gs:// and every other protocol share (the S3 server tests are tests/cli/test_remote_cli.py
and tests/engine/test_remote_resume.py).  gs:// runs here on a memory filesystem registered under
that name, since no GCS server runs on this machine."""

from __future__ import annotations

import gzip
import io
import json

import pytest

fsspec = pytest.importorskip("fsspec")

from fsspec.asyn import AsyncFileSystem  # noqa: E402
from fsspec.implementations.memory import MemoryFileSystem  # noqa: E402

from newsdistill import errors  # noqa: E402
from newsdistill.engine.runner import RunOptions, run_corpus  # noqa: E402
from newsdistill.errors import Fatal  # noqa: E402
from newsdistill.read import storage  # noqa: E402
from newsdistill.read.sources import ReadOptions, expand, iter_documents, paths_from, read_files, read_path  # noqa: E402
from newsdistill.read.storage import StorageOptions, redact, scrub  # noqa: E402

STEPS = ("html", "clean", "language")  # the readers and the storage are under test, not spaCy


@pytest.fixture
def mem():
    fs = MemoryFileSystem()
    fs.store.clear()
    fs.pseudo_dirs.clear()
    fs.pseudo_dirs.append("")
    storage._filesystem.cache_clear()
    yield fs
    fs.store.clear()
    storage._filesystem.cache_clear()


class FakeGCS(MemoryFileSystem):
    """gs:// on memory: the options newsdistill hands gcsfs are recorded, the files are in memory."""

    protocol = ("gs", "gcs")
    seen: list[dict] = []

    def __init__(self, *args, **kwargs):
        FakeGCS.seen.append(dict(kwargs))
        super().__init__()


@pytest.fixture
def gcs(mem):
    fsspec.register_implementation("gs", FakeGCS, clobber=True)
    FakeGCS.seen.clear()
    yield mem
    from fsspec.registry import _registry

    _registry.pop("gs", None)  # back to the known gcsfs implementation


# ---- options and credentials -------------------------------------------------------------------
def test_storage_options_map_to_each_protocols_keywords():
    opts = StorageOptions.parse(["endpoint_url=http://127.0.0.1:9000", "region=eu-west-3", "anon=true",
                                 "secret=abc12345", "retries=2", "client_kwargs.verify=false", "gs:project=p1"])
    s3 = opts.for_protocol("s3")
    assert s3 == {"endpoint_url": "http://127.0.0.1:9000", "client_kwargs": {"region_name": "eu-west-3", "verify": False},
                  "anon": True, "secret": "abc12345", "retries": 2}
    gs = opts.for_protocol("gs")
    assert gs["token"] == "anon" and gs["project"] == "p1" and "client_kwargs" in gs
    assert "project" not in s3  # gs:KEY is for gs only
    assert opts.for_protocol("https") == {}  # http(s) keyword arguments go to every request: only HTTP:KEY
    assert StorageOptions.parse(["anon=false"]).for_protocol("gs") == {}


@pytest.mark.parametrize("bad", ["endpoint_url", "=x", "anon=maybe"])
def test_a_malformed_storage_option_is_a_bad_option(bad):
    with pytest.raises(Fatal) as exc:
        StorageOptions.parse([bad]).for_protocol("s3")
    assert exc.value.code == errors.BAD_OPTION


def test_secrets_are_never_shown():
    opts = StorageOptions.parse(["key=AKIAEXAMPLEKEY", "secret=wJalrXUtnFEMI/K7MDENG", "endpoint_url=http://h:1"])
    assert "wJalrXUtnFEMI" not in repr(opts) and "AKIAEXAMPLEKEY" not in repr(opts) and "http://h:1" in repr(opts)
    assert "wJalrXUtnFEMI" not in repr(ReadOptions(storage=opts))
    message = "SignatureDoesNotMatch for wJalrXUtnFEMI/K7MDENG and AKIAEXAMPLEKEY at s3://b/k"
    assert scrub(message, opts) == "SignatureDoesNotMatch for *** and *** at s3://b/k"
    with pytest.raises(Fatal) as exc:
        StorageOptions.parse(["secret"])
    assert "secret" in exc.value.message
    assert "=" not in StorageOptions.parse(["token=t0ps3cret"]).__repr__().split("token", 1)[1][1:4].replace("*", "")


def test_env_credentials_are_scrubbed(monkeypatch):
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "envSecretValue123")
    assert scrub("denied: envSecretValue123") == "denied: ***"


@pytest.mark.parametrize("url, shown", [
    ("https://user:pa55@example.com/a.warc.gz", "https://example.com/a.warc.gz"),
    ("https://b.s3.amazonaws.com/k.txt?X-Amz-Algorithm=AWS4&X-Amz-Credential=AKIA%2F2024&X-Amz-Signature=abcdef",
     "https://b.s3.amazonaws.com/k.txt?X-Amz-Algorithm=AWS4&X-Amz-Credential=***&X-Amz-Signature=***"),
    ("https://storage.googleapis.com/b/k?X-Goog-Signature=ff00&X-Goog-Date=1", "https://storage.googleapis.com/b/k?X-Goog-Signature=***&X-Goog-Date=1"),
    ("https://example.com/a.html?page=2", "https://example.com/a.html?page=2"),
    ("s3://bucket/key.warc.gz", "s3://bucket/key.warc.gz"),
    ("/local/path?x=1", "/local/path?x=1"),
])
def test_redact_removes_credentials_from_urls(url, shown):
    assert redact(url) == shown


@pytest.mark.parametrize("path, url, local", [
    ("s3://b/k", True, "s3://b/k"), ("gs://b/k", True, "gs://b/k"), ("https://x/y", True, "https://x/y"),
    ("file:///tmp/a%20b.txt", False, "/tmp/a b.txt"), ("/tmp/x", False, "/tmp/x"), ("rel/x.txt", False, "rel/x.txt"),
    ("-", False, "-"), ("C:/x", False, "C:/x"),
])
def test_urls_and_local_paths(path, url, local):
    assert storage.is_url(path) is url
    assert storage.local_path(path) == local


def test_base_url_joins_relative_keys_only():
    assert storage.join("s3://commoncrawl/", "/crawl-data/CC-NEWS/x.warc.gz") == "s3://commoncrawl/crawl-data/CC-NEWS/x.warc.gz"
    assert storage.join("https://data.commoncrawl.org", "crawl-data/a.warc.gz") == "https://data.commoncrawl.org/crawl-data/a.warc.gz"
    assert storage.join("s3://b/", "gs://other/k") == "gs://other/k"
    assert storage.join("s3://b/", "file:///abs/local.txt") == "file:///abs/local.txt"


# ---- listing and reading -------------------------------------------------------------------
def _put(fs, url: str, data: bytes) -> str:
    fs.pipe_file(url, data)
    return url


def test_folders_and_globs_are_listed_through_fsspec(mem):
    for name in ("b.txt", "a.txt", "sub/c.html", "notes.md", ".hidden.txt", "d.jsonl.gz"):
        _put(mem, f"memory://bkt/in/{name}", b"x")
    folder = list(expand(["memory://bkt/in/"]))
    assert folder == [f"memory://bkt/in/{n}" for n in ("a.txt", "b.txt", "d.jsonl.gz", "sub/c.html")]
    assert list(expand(["memory://bkt/in/*.txt"])) == ["memory://bkt/in/a.txt", "memory://bkt/in/b.txt"]
    assert list(expand(["memory://bkt/in/missing.txt"])) == ["memory://bkt/in/missing.txt"]  # an error record later
    with pytest.raises(Fatal) as exc:
        list(expand(["memory://bkt/none/*.warc.gz"]))
    assert exc.value.code == errors.NO_INPUT


def test_a_missing_object_is_one_error_record_and_the_run_goes_on(mem):
    _put(mem, "memory://bkt/ok.txt", b"The council met on Monday and approved the harbour budget for next year.")
    docs = list(iter_documents(["memory://bkt/missing.txt", "memory://bkt/ok.txt"]))
    assert [(d.status, d.error.code if d.error else None) for d in docs] == [("error", errors.UNREADABLE), ("ok", None)]
    assert docs[0].source.path == "memory://bkt/missing.txt"
    assert docs[1].input_text.startswith("The council met")


def test_a_truncated_remote_gzip_keeps_the_documents_before_the_cut(mem):
    lines = b"".join(json.dumps({"id": f"t{i}", "text": f"Story number {i} about the port strike. " * 20}).encode() + b"\n"
                     for i in range(40))
    full = gzip.compress(lines)
    _put(mem, "memory://bkt/cut.jsonl.gz", full[: len(full) * 2 // 3])
    docs = list(read_path("memory://bkt/cut.jsonl.gz", ReadOptions()))
    assert docs[-1].status == "error" and docs[-1].error.code == errors.TRUNCATED and docs[-1].error.kind == "shard"
    kept = [d.id for d in docs[:-1]]
    assert kept and kept == [f"t{i}" for i in range(len(kept))] and len(kept) < 40


def test_warc_offsets_are_offsets_in_the_remote_object(mem, tmp_path):
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    local = tmp_path / "c.warc.gz"
    offsets = []
    with open(local, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(3):
            offsets.append(fh.tell())
            body = f"<html><body><article><p>Page {i}: the ferry left at dawn after the storm passed.</p></article></body></html>"
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://e.com/{i}", "response",
                                                          payload=io.BytesIO(body.encode()), http_headers=http))
    assert warcio
    _put(mem, "memory://bkt/c.warc.gz", local.read_bytes())
    remote = list(read_path("memory://bkt/c.warc.gz", ReadOptions()))
    here = list(read_path(str(local), ReadOptions()))
    assert [d.source.offset for d in remote] == [d.source.offset for d in here] == offsets
    assert [d.id for d in remote] == [d.id for d in here]
    assert all(d.source.path == "memory://bkt/c.warc.gz" for d in remote)


def test_prefetched_files_keep_input_order_and_errors(mem, monkeypatch):
    monkeypatch.setattr(storage, "FETCH_BATCH", 4)  # memory:// has no async implementation: its reads go to threads
    names = []
    for i in range(23):
        names.append(_put(mem, f"memory://bkt/many/{i:02d}.txt", f"Document {i} says the mayor resigned on Friday.".encode()))
    names.insert(7, "memory://bkt/many/gone.txt")
    docs = list(iter_documents(names))
    assert [d.source.path for d in docs] == names
    assert [d.status for d in docs].count("error") == 1 and docs[7].error.code == errors.UNREADABLE
    assert docs[8].input_text == "Document 7 says the mayor resigned on Friday."



# ---- the batch path: one async call per batch of small files --------------------------------------
class SlowAsyncFS(AsyncFileSystem):
    """An async filesystem (as s3fs, gcsfs and http are) whose GETs finish in scrambled order; it
    counts them, and the GETs in flight at once.  ``fail``: key -> the exception its GET raises."""

    protocol = "slowasync"
    files: dict[str, bytes] = {}
    fail: dict[str, BaseException] = {}
    fetched: list[str] = []
    in_flight = most_in_flight = 0

    @classmethod
    def reset(cls):
        cls.files, cls.fail, cls.fetched = {}, {}, []
        cls.in_flight = cls.most_in_flight = 0

    async def _cat_file(self, path, start=None, end=None, **kwargs):
        import asyncio

        key = self._strip_protocol(path)
        cls = type(self)
        cls.fetched.append(key)
        cls.in_flight += 1
        cls.most_in_flight = max(cls.most_in_flight, cls.in_flight)
        try:
            await asyncio.sleep(0.001 * (7 * len(cls.fetched) % 5))  # later files often finish first
            if key in cls.fail:
                raise cls.fail[key]
            if key not in cls.files:
                raise FileNotFoundError(key)
            return cls.files[key]
        finally:
            cls.in_flight -= 1

    def _open(self, path, mode="rb", **kwargs):  # containers (JSON Lines, WARC) are streamed, not fetched whole
        return io.BytesIO(type(self).files[self._strip_protocol(path)])


@pytest.fixture
def slow(monkeypatch):
    fsspec.register_implementation("slowasync", SlowAsyncFS, clobber=True)
    SlowAsyncFS.reset()
    storage._filesystem.cache_clear()
    monkeypatch.setattr(storage, "FETCH_BATCH", 5)
    yield SlowAsyncFS
    from fsspec.registry import _registry

    _registry.pop("slowasync", None)
    storage._filesystem.cache_clear()


def _stories(fs, n):
    names = []
    for i in range(n):
        fs.files[f"in/{i:02d}.txt"] = f"Story {i}: the council approved the ferry timetable on Monday.".encode()
        names.append(f"slowasync://in/{i:02d}.txt")
    return names


def test_an_error_in_the_middle_of_a_batch_is_that_inputs_record_in_its_place(slow, monkeypatch):
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "s3cretValueInTheMessage")
    names = _stories(slow, 23)
    names.insert(6, "slowasync://in/gone.txt")  # inside the second batch of 5
    slow.fail["in/12.txt"] = PermissionError("Access Denied for s3cretValueInTheMessage")
    lines = b"".join(json.dumps({"id": f"j{i}", "text": f"Wire item {i} on the port strike."}).encode() + b"\n" for i in range(3))
    slow.files["in/feed.jsonl"] = lines
    names.insert(15, "slowasync://in/feed.jsonl")  # a JSON Lines file between small files: streamed, not fetched
    docs = list(iter_documents(names))
    assert [d.source.path for d in docs[:15]] == names[:15]
    assert [d.id for d in docs[15:18]] == ["j0", "j1", "j2"] and [d.source.line for d in docs[15:18]] == [1, 2, 3]
    assert [d.source.path for d in docs[18:]] == names[16:]
    assert len(docs) == len(names) - 1 + 3  # one record for every input, three for the feed
    errored = [(i, d.error.code) for i, d in enumerate(docs) if d.status == "error"]
    gone, denied = 6, names.index("slowasync://in/12.txt")
    assert errored == [(gone, errors.UNREADABLE), (denied, errors.UNREADABLE)]
    assert "Access Denied" in docs[denied].error.message and "s3cretValue" not in docs[denied].error.message
    ok = [d for d in docs if d.status == "ok" and d.source.path.endswith(".txt")]
    assert [d.input_text.split(":")[0] for d in ok] == [f"Story {i}" for i in range(23) if i != 12]
    assert sorted(slow.fetched) == sorted(k.split("://")[1] for k in names if not k.endswith(".jsonl"))  # one GET each
    assert slow.most_in_flight > 1  # the GETs of a batch run at once


def test_fetching_stays_a_few_batches_ahead_and_stops_with_the_reader(slow):
    names = _stories(slow, 60)
    stream = iter_documents(names)
    first = next(stream)
    assert first.input_text.startswith("Story 0:")
    stream.close()  # the reader stops: the batches still in flight are cancelled
    # batch 0 read, FETCH_AHEAD more asked for ahead of it; nothing beyond
    assert len(slow.fetched) <= (1 + storage.FETCH_AHEAD) * storage.FETCH_BATCH < 60


def test_local_files_between_do_not_push_the_fetching_far_ahead(slow, tmp_path):
    # 200 local files, then remote ones: reading the first local file fetches no remote file
    # (the read-ahead window counts every position, not only the remote ones)
    local = []
    for i in range(200):
        f = tmp_path / f"local{i:03d}.txt"
        f.write_text(f"Local story {i}: the ferry timetable was approved on Monday by the council.")
        local.append(str(f))
    names = local + _stories(slow, 20)
    stream = iter_documents(names)
    assert next(stream).input_text.startswith("Local story 0:")
    stream.close()
    assert slow.fetched == []
    fetcher = storage.Prefetcher(names, lambda i: names[i].startswith("slowasync://"), None)
    assert fetcher.take(0) is None
    assert not fetcher.pending  # was: the remote files 200-219 asked for while file 0 is read
    assert fetcher.take(190) is None and fetcher.pending  # within the window: fetched ahead
    fetcher.close()


def test_a_resumed_read_fetches_nothing_before_its_start(slow):
    names = _stories(slow, 12)
    got = [(i, [d.source.path for d in docs]) for i, _, docs in read_files(names, ReadOptions(), start=7)]
    assert got == [(i, [names[i]]) for i in range(7, 12)]
    assert sorted(slow.fetched) == [f"in/{i:02d}.txt" for i in range(7, 12)]


def test_an_unreachable_endpoint_in_a_batch_stops_the_run_after_the_documents_before_it(slow):
    names = _stories(slow, 9)
    slow.fail["in/04.txt"] = ConnectionRefusedError(111, "Connection refused")
    stream = iter_documents(names)
    before = [next(stream) for _ in range(4)]
    assert [d.status for d in before] == ["ok"] * 4
    with pytest.raises(Fatal) as exc:
        next(stream)
    assert exc.value.code == errors.STORAGE_UNAVAILABLE

def test_paths_from_a_gzip_list_with_a_base_url(mem, tmp_path):
    listing = tmp_path / "warc.paths.gz"
    listing.write_bytes(gzip.compress(b"# CC-NEWS style list\ncrawl-data/CC-NEWS/2024/01/a.warc.gz\n\n"
                                      b"crawl-data/CC-NEWS/2024/01/b.warc.gz\ns3://other/c.warc.gz\n"))
    assert paths_from(str(listing), "s3://commoncrawl/") == [
        "s3://commoncrawl/crawl-data/CC-NEWS/2024/01/a.warc.gz", "s3://commoncrawl/crawl-data/CC-NEWS/2024/01/b.warc.gz",
        "s3://other/c.warc.gz"]
    _put(mem, "memory://bkt/list.txt", b"x/1.txt\nx/2.txt\n")
    assert paths_from("memory://bkt/list.txt", "memory://bkt/") == ["memory://bkt/x/1.txt", "memory://bkt/x/2.txt"]
    with pytest.raises(Fatal) as exc:
        paths_from(str(tmp_path / "nope.txt"))
    assert exc.value.code == errors.BAD_OPTION


# ---- gs:// end to end (shared code path, memory behind it) --------------------------------------
def _texts(fs, n):
    for i in range(n):
        fs.pipe_file(f"gs://news/in/{i:03d}.txt",
                     f"Story {i}. The city council voted on Tuesday to extend the tram line by {i + 2} kilometres.".encode())


def _shard_ids(fs, prefix):
    ids = []
    for name in sorted(p for p in fs.find(prefix) if p.endswith(".jsonl.gz") and ".part." not in p):
        ids += [json.loads(line)["id"] for line in gzip.decompress(fs.cat_file(name)).decode().splitlines()]
    return ids


def test_gs_sharded_output_resumes_after_an_unfinished_shard(gcs):
    _texts(gcs, 12)
    opts = StorageOptions.parse(["anon=true", "project=newsroom"])
    run = RunOptions(read=ReadOptions(storage=opts), workers=1, shard_size=3, steps=STEPS)
    first = run_corpus(["gs://news/in/"], "gs://news/out/", run)
    assert first.documents == 12 and first.shards == 4
    assert {"token": "anon", "project": "newsroom"} in FakeGCS.seen  # anon=true is gcsfs's token="anon"
    names = sorted(p.rsplit("/", 1)[-1] for p in gcs.find("gs://news/out/"))
    assert names == ["manifest.json"] + [f"shard-{k:05d}.{e}" for k in range(4) for e in ("done", "jsonl.gz")]
    expected = _shard_ids(gcs, "gs://news/out/")
    assert expected == [f"{i:03d}" for i in range(12)]

    # as if killed after shard 2's data was uploaded but before its marker, and in shard 3's upload
    gcs.rm_file("gs://news/out/shard-00002.done")
    gcs.rm_file("gs://news/out/shard-00003.done")
    gcs.mv("gs://news/out/shard-00003.jsonl.gz", "gs://news/out/shard-00003.part.jsonl.gz")
    again = run_corpus(["gs://news/in/"], "gs://news/out/", run)
    assert again.resumed_documents == 6 and again.documents == 12
    assert _shard_ids(gcs, "gs://news/out/") == expected
    assert not [p for p in gcs.find("gs://news/out/") if ".part." in p]
    manifest = json.loads(gcs.cat_file("gs://news/out/manifest.json"))
    assert manifest["inputs"] == ["gs://news/in/"] and "anon" not in json.dumps(manifest)


def test_file_output_on_object_storage_appears_when_closed(gcs):
    _texts(gcs, 3)
    run = RunOptions(workers=1, steps=STEPS, dedup=False)
    for out in ("gs://news/o.jsonl", "gs://news/o.jsonl.gz", "gs://news/o.parquet"):
        run_corpus(["gs://news/in/*.txt"], out, run)
        from newsdistill.write import read_records

        records = list(read_records(out))
        assert [r["id"] for r in records] == ["000", "001", "002"], out
        assert records[0]["source"]["path"] == "gs://news/in/000.txt"


def test_a_missing_extra_is_named(monkeypatch):
    storage._filesystem.cache_clear()
    with pytest.raises(Fatal) as exc:
        storage.filesystem("nosuchproto://b/k")
    assert exc.value.code == errors.BAD_OPTION
    storage._filesystem.cache_clear()


def test_unreachable_errors_are_recognised():
    class EndpointConnectionError(Exception):
        pass

    try:
        try:
            raise ConnectionRefusedError(111, "refused")
        except OSError as inner:
            raise OSError("wrapped") from inner
    except OSError as exc:
        assert storage.unreachable(exc)
    assert storage.unreachable(EndpointConnectionError("x"))
    assert not storage.unreachable(FileNotFoundError("s3://b/k"))
    assert not storage.unreachable(PermissionError("Forbidden"))


# ---- http(s):// for reading (a local HTTP server) ----------------------------------------------
@pytest.fixture
def http_dir(tmp_path):
    pytest.importorskip("aiohttp")
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    storage._filesystem.cache_clear()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    storage._filesystem.cache_clear()


def test_http_inputs_are_read_and_a_missing_page_is_an_error_record(http_dir):
    root, base = http_dir
    (root / "story.txt").write_text("The tram line opens on Sunday, the transport authority said on Friday.")
    lines = b"".join(json.dumps({"id": f"h{i}", "text": f"Item {i} of the wire feed."}).encode() + b"\n" for i in range(5))
    (root / "feed.jsonl.gz").write_bytes(gzip.compress(lines))
    docs = list(iter_documents([f"{base}/story.txt", f"{base}/feed.jsonl.gz", f"{base}/gone.txt"]))
    assert [d.id for d in docs[:6]] == ["story", "h0", "h1", "h2", "h3", "h4"]
    assert docs[0].source.path == f"{base}/story.txt" and docs[0].input_text.startswith("The tram line")
    assert docs[6].status == "error" and docs[6].error.code == errors.UNREADABLE
    with pytest.raises(Fatal):  # http(s) is for reading
        storage.open_output(f"{base}/out.jsonl")
