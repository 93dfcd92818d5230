#!/usr/bin/env python3
"""Write a git snapshot's HEAD tree into DIR, skipping blobs the snapshot lacks (large files)."""
import os, subprocess, sys
gitdir, out = sys.argv[1], sys.argv[2]
tree = subprocess.run(["git", "-C", gitdir, "ls-tree", "-r", "-z", "HEAD"], capture_output=True, check=True).stdout
entries = [e for e in tree.split(b"\0") if e]
have = subprocess.run(["git", "-C", gitdir, "cat-file", "--batch-check"], input=b"\n".join(e.split(b"\t")[0].split()[2] for e in entries) + b"\n", capture_output=True).stdout.decode().splitlines()
skipped = 0
cat = subprocess.Popen(["git", "-C", gitdir, "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
for e, h in zip(entries, have):
    meta, path = e.split(b"\t", 1)
    mode, typ, sha = meta.split()
    if typ != b"blob" or h.endswith("missing"):
        skipped += 1; continue
    cat.stdin.write(sha + b"\n"); cat.stdin.flush()
    header = cat.stdout.readline().split()
    size = int(header[2]); data = cat.stdout.read(size); cat.stdout.read(1)
    dest = os.path.join(out.encode(), path)
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    if mode == b"120000":
        try: os.symlink(data, dest)
        except FileExistsError: pass
    else:
        with open(dest, "wb") as f: f.write(data)
        if mode == b"100755": os.chmod(dest, 0o755)
print(f"{out}: {len(entries)-skipped} files, {skipped} skipped", file=sys.stderr)
