"""The VCV Rack 2 patch file format, the module manifest and the OSC address
table: what make_patch.py, check_patch.py and mutate_patch.py share.

A Rack 2 `.vcv` file is a ustar tar archive compressed with zstd, holding
`./patch.json`; a file that does not start with the zstd magic bytes is read
by Rack as a legacy v1 plain-JSON patch, which is not what we want to ship.
We write the archive ourselves (Python's tarfile, fixed mtime/uid/gid/mode,
one member) and compress it with the `zstd` command line tool at a fixed
level, single-threaded, from a pipe, so the same patch.json always gives the
same bytes and the committed file can be checked against a regeneration.

Python 3 standard library only, plus the `zstd` program.
"""

import io
import json
import re
import subprocess
import tarfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The address table lives with the OSC bridge; patches/vcv is two levels down.
DEFAULT_OSC_README = HERE.parent.parent / "osc" / "README.md"
DEFAULT_MANIFEST = HERE / "plugins.json"

ZSTD_MAGIC = bytes([0x28, 0xB5, 0x2F, 0xFD])
PATCH_MEMBER = "./patch.json"
# 2025-01-01T00:00:00Z: any fixed time makes the archive reproducible; a real
# date rather than 0 because some tar readers warn about 1970 timestamps.
FIXED_MTIME = 1735689600
# zstd's level 19 is its strongest "normal" level; the patch is a few KiB, so
# speed is irrelevant and a fixed level is what keeps the bytes stable.
ZSTD_LEVEL = "-19"
# A few KiB of JSON compress in milliseconds; 30 s only bounds a hung tool.
ZSTD_TIMEOUT_S = 30
# patch.json is about 30 KiB; 16 MiB of decompressed data means a broken or
# hostile file, not a patch, so reading stops there.
MAX_TAR_BYTES = 16 * 1024 * 1024


class PatchError(Exception):
    """A patch file, manifest or README that cannot be used; the message says why."""


def _run_zstd(args, data):
    try:
        done = subprocess.run(["zstd", *args], input=data, capture_output=True,
                              timeout=ZSTD_TIMEOUT_S, check=False)
    except FileNotFoundError as error:
        raise PatchError("the zstd program is not installed") from error
    except subprocess.TimeoutExpired as error:
        raise PatchError(f"zstd {' '.join(args)} took more than {ZSTD_TIMEOUT_S} s") from error
    if done.returncode != 0:
        raise PatchError(f"zstd {' '.join(args)} failed: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout


def patch_json_bytes(patch):
    """patch.json as Rack would read it; key order is the dicts' insertion order."""
    return (json.dumps(patch, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def pack(patch):
    """The bytes of a .vcv file holding `patch` (a dict), reproducibly."""
    body = patch_json_bytes(patch)
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        info = tarfile.TarInfo(PATCH_MEMBER)
        info.size = len(body)
        info.mtime = FIXED_MTIME
        info.mode = 0o644
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        archive.addfile(info, io.BytesIO(body))
    # -T1: multi-threaded zstd may cut the input differently; -q: no progress.
    return _run_zstd([ZSTD_LEVEL, "-T1", "-q", "-c"], buffer.getvalue())


def unpack_tar(data):
    """The tar bytes inside a .vcv file (checks the zstd magic first)."""
    if data[:4] != ZSTD_MAGIC:
        raise PatchError("not a Rack 2 patch: no zstd magic 28 b5 2f fd at the start "
                         "(Rack would read it as a legacy v1 plain-JSON patch)")
    tar = _run_zstd(["-d", "-q", "-c"], data)
    if len(tar) > MAX_TAR_BYTES:
        raise PatchError(f"decompresses to {len(tar)} bytes, more than {MAX_TAR_BYTES}")
    return tar


def unpack(data):
    """(patch dict, member names) from the bytes of a .vcv file."""
    tar = unpack_tar(data)
    try:
        with tarfile.open(fileobj=io.BytesIO(tar), mode="r:") as archive:
            names = archive.getnames()
            member = next((m for m in archive.getmembers()
                           if m.name in (PATCH_MEMBER, "patch.json") and m.isfile()), None)
            if member is None:
                raise PatchError(f"the archive holds no ./patch.json (members: {names})")
            body = archive.extractfile(member).read()
    except tarfile.TarError as error:
        raise PatchError(f"not a tar archive inside the zstd stream: {error}") from error
    try:
        patch = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PatchError(f"patch.json is not valid JSON: {error}") from error
    if not isinstance(patch, dict):
        raise PatchError("patch.json is not a JSON object")
    return patch, names


class Manifest:
    """plugins.json: (plugin slug, model slug) -> the module's params and ports by id and enum name."""

    def __init__(self, path=DEFAULT_MANIFEST):
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise PatchError(f"cannot read the manifest {path}: {error}") from error
        self.versions = {}
        self.modules = {}
        for plugin in data["plugins"]:
            self.versions[plugin["slug"]] = plugin["version"]
            for module in plugin["modules"]:
                self.modules[(plugin["slug"], module["model"])] = module

    def module(self, plugin, model):
        found = self.modules.get((plugin, model))
        if found is None:
            raise PatchError(f"module {plugin}/{model} is not in the manifest")
        return found

    def port_id(self, plugin, model, kind, enum):
        """Id of the input/output/param called `enum` (the source's enum name)."""
        for item in self.module(plugin, model)[kind]:
            if item["enum"] == enum:
                return item["id"]
        raise PatchError(f"{plugin}/{model} has no {kind[:-1]} {enum!r}")


# A row of the address tables: | `/polar/depth` | `if` | ...
_ADDRESS_ROW = re.compile(r"^\|\s*`(/polar/[^`\s]+)`\s*\|\s*`([a-zA-Z]+)`\s*\|")


def osc_addresses(readme=DEFAULT_OSC_README):
    """Address -> list of type-tag strings, from every table row of osc/README.md.

    An address appears once in the main table and again in the opt-in
    "values" table when values add an argument (e.g. /polar/result `ii`
    and `iis`); a receiver must cope with every variant.
    """
    try:
        text = Path(readme).read_text(encoding="utf-8")
    except OSError as error:
        raise PatchError(f"cannot read the OSC address table {readme}: {error}") from error
    table = {}
    for line in text.splitlines():
        match = _ADDRESS_ROW.match(line)
        if match:
            table.setdefault(match.group(1), []).append(match.group(2))
    if not table:
        raise PatchError(f"no /polar/... rows found in the address table of {readme}")
    return table
