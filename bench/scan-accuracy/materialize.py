#!/usr/bin/env python3
"""Write a git snapshot's HEAD tree into DIR as a checkout, skipping blobs the snapshot lacks (large files).

Usage: materialize.py GIT_DIR OUT_DIR

The snapshot tool brings bare git directories whose largest blobs may be absent, so `git archive` and
`git worktree add` fail on them; this writes every blob that is present instead. OUT_DIR also gets a minimal
`.git` (HEAD at the pinned commit, detached), as a real clone has one, whose objects are the snapshot's (an
`objects/info/alternates` file naming GIT_DIR/objects): rules that look for `.git`, the history rules and the
report's commit then see what they would see in the team's own checkout, and an index (`git read-tree HEAD`),
so the files the repository tracks are known as in a clone. Keep GIT_DIR where it is.
"""
import os
import subprocess
import sys


def git(gitdir, *args, data=None):
    return subprocess.run(["git", "-C", gitdir, *args], input=data, capture_output=True, check=True).stdout


def main():
    gitdir, out = sys.argv[1], sys.argv[2]
    commit = git(gitdir, "rev-parse", "HEAD").decode().strip()
    entries = [e for e in git(gitdir, "ls-tree", "-r", "-z", "HEAD").split(b"\0") if e]
    shas = b"\n".join(e.split(b"\t")[0].split()[2] for e in entries) + b"\n"
    present = git(gitdir, "cat-file", "--batch-check", data=shas).decode().splitlines()
    skipped = 0
    cat = subprocess.Popen(["git", "-C", gitdir, "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    for entry, check in zip(entries, present):
        meta, path = entry.split(b"\t", 1)
        mode, kind, sha = meta.split()
        if kind != b"blob" or check.endswith("missing"):  # submodules (commits) and absent large files
            skipped += 1
            continue
        cat.stdin.write(sha + b"\n")
        cat.stdin.flush()
        size = int(cat.stdout.readline().split()[2])
        data = cat.stdout.read(size)
        cat.stdout.read(1)  # the newline after each object
        dest = os.path.join(out.encode(), path)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        if mode == b"120000":
            if not os.path.lexists(dest):
                os.symlink(data, dest)
            continue
        with open(dest, "wb") as f:
            f.write(data)
        if mode == b"100755":
            os.chmod(dest, 0o755)
    cat.stdin.close()
    cat.wait()
    dot_git = os.path.join(out, ".git")
    for sub in ("objects", "refs/heads", "refs/tags"):
        os.makedirs(os.path.join(dot_git, sub), exist_ok=True)
    with open(os.path.join(dot_git, "HEAD"), "w") as f:
        f.write(commit + "\n")
    with open(os.path.join(dot_git, "config"), "w") as f:
        f.write("[core]\n\trepositoryformatversion = 0\n\tbare = false\n")
    # The history up to the pinned commit, for the history rules: the snapshot's objects, borrowed, not copied.
    os.makedirs(os.path.join(dot_git, "objects", "info"), exist_ok=True)
    with open(os.path.join(dot_git, "objects", "info", "alternates"), "w") as f:
        f.write(os.path.abspath(os.path.join(gitdir, "objects")) + "\n")
    # The index, as a clone writes it: the files the repository tracks, which the scan never takes as ignored.
    subprocess.run(["git", "--git-dir", dot_git, "read-tree", "HEAD"], check=True)
    print(f"{out}: {len(entries) - skipped} files, {skipped} skipped, HEAD {commit}", file=sys.stderr)


if __name__ == "__main__":
    main()
