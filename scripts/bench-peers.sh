#!/usr/bin/env bash
# Benchmarks arena against the peer tools a user would pick instead, in one run, and prints
# ratios measured in that same run (absolute numbers are context: they depend on the machine).
#
#   1. CPU per streamed token: `arena ask` (2 seats × 20,000 tokens) vs the `llm` CLI (0.36, from
#      PyPI) streaming the same answers from the same local SSE server (`arena-bench serve`), with
#      a `curl -N` floor. CPU is user + system of the client processes only (wait4), not the server.
#   2. Leaderboard: `arena leaderboard --bootstrap 100` on 100,000 LMArena-format battles among 20
#      models, whole command, vs FastChat 0.2.36's `compute_elo_mle_with_tie` and
#      `get_bootstrap_result(..., num_round=100)` on the same file.
#   3. Context (arena only): `arena import` of those battles, and cold start to first frame on the
#      imported store (scripts/bench-cold-start.py).
#
# Usage: scripts/bench-peers.sh [options]
#   --arena PATH          arena binary        (env ARENA_BIN;       default .build/release/arena)
#   --arena-bench PATH    arena-bench binary  (env ARENA_BENCH_BIN; default .build/release/arena-bench)
#   --runs N              runs of each streaming client and of arena leaderboard (default 3)
#   --tokens N            tokens per seat (default 20000)      --seats N   seats (default 2)
#   --battles N           battles (default 100000)             --models N  models (default 20)
#   --bootstrap N         bootstrap rounds (default 100)
#   --fastchat-runs N     runs of the FastChat leaderboard (default 1; about 30 s each)
#   --cold-start-runs N   runs of bench-cold-start.py (default 5; 0 skips it)
#   --cache DIR           where the Python virtualenv is kept between runs
#                         (env BENCH_PEERS_CACHE; default ~/.cache/arena-bench-peers)
#
# The default binaries are built with `swift build -c release` when missing; a path given
# explicitly must exist. The peers are installed with pip into the cached virtualenv: llm==0.36,
# fschat==0.2.36 --no-deps, and what FastChat's elo_analysis module imports (numpy, pandas,
# scikit-learn, plotly, pytz, tqdm, requests). Every tool runs with a fresh temporary HOME and
# XDG dirs and a minimal environment, so no user config (or proxy, or API key) is involved.
# Takes about 2–3 minutes on 2 cores once the virtualenv exists.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
default_arena="$repo/.build/release/arena"
default_bench="$repo/.build/release/arena-bench"
arena_bin=${ARENA_BIN:-$default_arena}
bench_bin=${ARENA_BENCH_BIN:-$default_bench}
cache=${BENCH_PEERS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/arena-bench-peers}
runs=3 tokens=20000 seats=2 battles=100000 models=20 bootstrap=100 fastchat_runs=1 cold_runs=5

die() { echo "bench-peers: $*" >&2; exit 1; }
usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
    case "$1" in
        --arena) arena_bin=${2:?--arena needs a path}; shift 2 ;;
        --arena-bench) bench_bin=${2:?--arena-bench needs a path}; shift 2 ;;
        --runs) runs=${2:?}; shift 2 ;;
        --tokens) tokens=${2:?}; shift 2 ;;
        --seats) seats=${2:?}; shift 2 ;;
        --battles) battles=${2:?}; shift 2 ;;
        --models) models=${2:?}; shift 2 ;;
        --bootstrap) bootstrap=${2:?}; shift 2 ;;
        --fastchat-runs) fastchat_runs=${2:?}; shift 2 ;;
        --cold-start-runs) cold_runs=${2:?}; shift 2 ;;
        --cache) cache=${2:?}; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown option $1" ;;
    esac
done
for number in "$runs" "$tokens" "$seats" "$battles" "$models" "$bootstrap" "$fastchat_runs" "$cold_runs"; do
    [[ "$number" =~ ^[0-9]+$ ]] || die "not a whole number: $number"
done
[ "$runs" -ge 1 ] && [ "$fastchat_runs" -ge 1 ] && [ "$seats" -ge 2 ] && [ "$tokens" -ge 2 ] \
    || die "--runs and --fastchat-runs must be at least 1, --seats and --tokens at least 2"

for tool in python3 curl; do
    command -v "$tool" >/dev/null || die "$tool is needed (apt-get install $tool)"
done

# --- the arena binaries ------------------------------------------------------------------------
need_build=()
[ -x "$arena_bin" ] || { [ "$arena_bin" = "$default_arena" ] && need_build+=(--product arena) || die "no arena binary at $arena_bin"; }
[ -x "$bench_bin" ] || { [ "$bench_bin" = "$default_bench" ] && need_build+=(--product arena-bench) || die "no arena-bench binary at $bench_bin"; }
if [ ${#need_build[@]} -gt 0 ]; then
    echo "building ${need_build[*]} (release) ..." >&2
    (cd "$repo" && swift build -c release "${need_build[@]}") || die "swift build failed"
fi

# --- the peers, in a cached virtualenv ---------------------------------------------------------
requirements="llm==0.36 numpy pandas scikit-learn plotly pytz tqdm requests"
no_deps="fschat==0.2.36"
venv="$cache/venv"
stamp="$requirements | --no-deps $no_deps | $(python3 --version 2>&1)"
if [ "$(cat "$venv/.bench-peers-stamp" 2>/dev/null)" != "$stamp" ]; then
    echo "setting up the peers' virtualenv in $venv (once) ..." >&2
    rm -rf "$venv"
    mkdir -p "$cache"
    if ! python3 -m venv "$venv" 2>"$cache/venv.log"; then
        rm -rf "$venv"
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            echo "python3 -m venv failed; installing python3-venv with apt-get ..." >&2
            { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv; } >"$cache/apt.log" 2>&1 \
                || die "apt-get install python3-venv failed (see $cache/apt.log)"
            python3 -m venv "$venv" 2>"$cache/venv.log" || die "python3 -m venv failed (see $cache/venv.log)"
        else
            die "python3 -m venv failed (see $cache/venv.log); install python3-venv"
        fi
    fi
    # shellcheck disable=SC2086
    if ! { "$venv/bin/python" -m pip install -q --disable-pip-version-check $requirements \
           && "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps $no_deps; } >"$cache/pip.log" 2>&1; then
        tail -n 20 "$cache/pip.log" >&2
        rm -rf "$venv"
        die "pip install of the peers failed (full log: $cache/pip.log)"
    fi
    echo "$stamp" >"$venv/.bench-peers-stamp"
fi

# --- a temporary work dir, the local SSE server ------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/bench-peers.XXXXXX")
server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$bench_bin" serve >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
port=
for _ in $(seq 100); do
    port=$(sed -n 's/^listening \([0-9][0-9]*\)$/\1/p' "$work/serve.out")
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2>/dev/null || die "arena-bench serve exited: $(cat "$work/serve.err")"
    sleep 0.1
done
[ -n "$port" ] || die "arena-bench serve did not print its port within 10 s"

# --- the measurements --------------------------------------------------------------------------
cat >"$work/fastchat_leaderboard.py" <<'PYTHON'
"""FastChat 0.2.36's Bradley–Terry leaderboard (elo_analysis.py), the computation of
report_elo_analysis_results(rating_system="bt") without its plots and online Elo:
the MLE fit on every battle, then get_bootstrap_result(battles, compute_elo_mle_with_tie, N)."""
import importlib.util, json, os, sys, time, types

started = time.perf_counter()
# fastchat/model/__init__.py imports model_adapter (torch, transformers); elo_analysis needs only
# fastchat.model.model_registry, so the package is registered without running its __init__.
location = importlib.util.find_spec("fastchat").submodule_search_locations[0]
package = types.ModuleType("fastchat.model")
package.__path__ = [os.path.join(location, "model")]
sys.modules["fastchat.model"] = package
import numpy as np
import pandas as pd
from fastchat.serve.monitor.elo_analysis import compute_elo_mle_with_tie, get_bootstrap_result

imported = time.perf_counter()
np.random.seed(42)  # as elo_analysis.py's main does
battles = pd.read_json(sys.argv[1], lines=True).sort_values(ascending=True, by=["tstamp"])
loaded = time.perf_counter()
final = compute_elo_mle_with_tie(battles)
fitted = time.perf_counter()
bootstrap = get_bootstrap_result(battles, compute_elo_mle_with_tie, num_round=int(sys.argv[2]))
booted = time.perf_counter()
table = pd.DataFrame({
    "rating": final,
    "rating_q025": bootstrap.quantile(0.025),
    "rating_q975": bootstrap.quantile(0.975),
    "num_battles": battles["model_a"].value_counts() + battles["model_b"].value_counts(),
}).sort_values("rating", ascending=False)
print(table.to_string())
done = time.perf_counter()
with open(sys.argv[3], "w") as handle:
    json.dump({"phases": {"import": imported - started, "read JSONL": loaded - imported, "fit": fitted - loaded,
                          "bootstrap": booted - fitted, "table": done - booted},
               "ratings": {m: [r["rating"], r["rating_q025"], r["rating_q975"]] for m, r in table.iterrows()}}, handle)
PYTHON

cat >"$work/harness.py" <<'PYTHON'
import json, os, platform, re, statistics, subprocess, sys, time

C = os.environ
work, repo, venv = C["BP_WORK"], C["BP_REPO"], C["BP_VENV"]
arena, bench, port = C["BP_ARENA"], C["BP_BENCH"], int(C["BP_PORT"])
runs, tokens, seats = int(C["BP_RUNS"]), int(C["BP_TOKENS"]), int(C["BP_SEATS"])
battles, models, rounds = int(C["BP_BATTLES"]), int(C["BP_MODELS"]), int(C["BP_BOOTSTRAP"])
fastchat_runs, cold_runs = int(C["BP_FASTCHAT_RUNS"]), int(C["BP_COLD_RUNS"])
began = time.perf_counter()


class Failure(Exception):
    pass


def report(kind, error, trace):
    if kind is Failure:  # a tool failed: one clear line, no traceback
        print(f"bench-peers: {error}", file=sys.stderr)
    elif kind is KeyboardInterrupt:
        print("bench-peers: interrupted", file=sys.stderr)
    else:
        sys.__excepthook__(kind, error, trace)


sys.excepthook = report


def tail(path, n=1500):
    try:
        with open(path, "rb") as handle:
            return handle.read()[-n:].decode(errors="replace").strip()
    except OSError:
        return ""


home = os.path.join(work, "home")
for sub in ("config/arena", "data"):
    os.makedirs(os.path.join(home, sub), exist_ok=True)
# A minimal environment: no user config, store, API key or proxy reaches any tool.
ENV = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8", "NO_COLOR": "1",
       "XDG_CONFIG_HOME": os.path.join(home, "config"), "XDG_DATA_HOME": os.path.join(home, "data"),
       "XDG_CACHE_HOME": os.path.join(home, "cache"), "TMPDIR": work}
ARENA_ENV = dict(ENV, ARENA_DISCOVERY="off")
LLM_ENV = dict(ENV, LLM_USER_PATH=os.path.join(home, "llm-0"))
PY_ENV = dict(ENV, TQDM_DISABLE="1")
counter = 0


def measure(commands, env, label):
    """Starts every command at once; returns (user + system CPU s summed over them, wall s,
    [stdout paths]). CPU is each child's own rusage from wait4 (the server is not a child)."""
    global counter
    procs, outs = [], []
    started = time.perf_counter()
    envs = env if isinstance(env, list) else [env] * len(commands)
    for command, env in zip(commands, envs):
        counter += 1
        out, err = os.path.join(work, f"out{counter}"), os.path.join(work, f"err{counter}")
        with open(out, "wb") as o, open(err, "wb") as e:
            try:
                procs.append((subprocess.Popen(command, env=env, stdout=o, stderr=e, stdin=subprocess.DEVNULL), err))
            except OSError as error:
                raise Failure(f"{label}: cannot run {command[0]}: {error}")
        outs.append(out)
    cpu = 0.0
    failed = None
    for proc, err in procs:
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        cpu += usage.ru_utime + usage.ru_stime
        if proc.returncode != 0 and failed is None:
            failed = f"{label}: {' '.join(proc.args)} exited with {proc.returncode}\n{tail(err)}"
    wall = time.perf_counter() - started
    if failed:
        raise Failure(failed)
    return cpu, wall, outs


def version(command, env=ENV):
    try:
        return subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as error:
        raise Failure(f"{' '.join(command)} failed: {error}")


def cpu_model():
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


# --- the streaming clients ------------------------------------------------------------------
base = f"http://127.0.0.1:{port}"
for n in (tokens, 1):
    with open(os.path.join(home, f"arena-{n}.yaml"), "w") as handle:
        handle.write("models:\n" + "".join(
            f"  - name: seat{s}\n    base_url: {base}/seat{s}/v1\n    model: stream-{n}-0\n" for s in range(seats)))
# One llm user dir per seat: concurrent first runs would race on creating the same logs.db.
for s in range(seats):
    os.makedirs(os.path.join(home, f"llm-{s}"), exist_ok=True)
    with open(os.path.join(home, f"llm-{s}", "extra-openai-models.yaml"), "w") as handle:
        for n in (tokens, 1):
            handle.write(f"- model_id: bench-{n}\n  model_name: stream-{n}-0\n  api_base: \"{base}/v1\"\n")
llm = os.path.join(venv, "bin", "llm")
expected_text = None


def arena_ask(n):
    cpu, wall, outs = measure([[arena, "ask", "--config", os.path.join(home, f"arena-{n}.yaml"), "--json",
                                "--vote", "skip", "bench prompt"]], ARENA_ENV, "arena ask")
    with open(outs[0]) as handle:
        answer = json.load(handle)
    texts = [seat.get("text") or "" for seat in answer["seats"]]
    errors = [seat.get("error") for seat in answer["seats"] if seat.get("error")]
    if errors or len(texts) != seats or any(len(t) != 4 * n for t in texts):
        raise Failure(f"arena ask did not stream {seats} × {n} tokens: errors {errors}, lengths {[len(t) for t in texts]}")
    return cpu, wall


def llm_prompt(n):
    # One llm process per seat (llm asks one model at a time), all at once like arena's seats.
    cpu, wall, outs = measure([[llm, "-m", f"bench-{n}", "bench prompt"] for _ in range(seats)],
                              [dict(ENV, LLM_USER_PATH=os.path.join(home, f"llm-{s}")) for s in range(seats)], "llm")
    for out in outs:
        with open(out, encoding="utf-8") as handle:
            text = handle.read().rstrip("\n")
        if len(text) != 4 * n:
            raise Failure(f"llm streamed {len(text)} characters, expected {4 * n}: {text[:200]!r}")
    return cpu, wall


def curl_floor(n):
    body = json.dumps({"model": f"stream-{n}-0", "stream": True, "messages": [{"role": "user", "content": "bench prompt"}]})
    command = ["curl", "-sS", "-N", "--fail", "-H", "content-type: application/json", "-d", body,
               f"{base}/v1/chat/completions"]
    cpu, wall, outs = measure([command for _ in range(seats)], ENV, "curl")
    for out in outs:
        with open(out, encoding="utf-8") as handle:
            got = handle.read().count('{"content":')
        if got != n:
            raise Failure(f"curl received {got} token events, expected {n}")
    return cpu, wall


clients = {"arena": arena_ask, "llm": llm_prompt, "curl": curl_floor}
print(f"machine: {cpu_model()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; "
      f"load average at start {os.getloadavg()[0]:.2f}")
built = time.strftime("%Y-%m-%d %H:%M", time.localtime(os.path.getmtime(arena)))
print(f"arena: {version([arena, '--version'], ARENA_ENV)} ({arena}, built {built}); {version([llm, '--version'], LLM_ENV)}; "
      "FastChat " + version([os.path.join(venv, "bin", "python"), "-c",
                             "import importlib.metadata as m; print(', '.join(p + ' ' + m.version(p) for p in "
                             "('fschat', 'numpy', 'pandas', 'scikit-learn')))"]))
print(f"\n[1/3] streaming: {seats} seats × {tokens} tokens from arena-bench serve on 127.0.0.1:{port}, "
      f"{runs} runs each, interleaved")
for name, client in clients.items():  # warm-up: first-run store/log creation, page cache
    client(1)
samples = {name: {"full": [], "one": []} for name in clients}
for run in range(1, runs + 1):
    for name, client in clients.items():
        cpu, wall = client(tokens)
        cpu_one, _ = client(1)
        samples[name]["full"].append(cpu)
        samples[name]["one"].append(cpu_one)
        print(f"  run {run} {name:5s}: {cpu:7.3f} s CPU, {wall:6.3f} s wall, {cpu / (seats * tokens) * 1e6:8.2f} µs CPU/token;"
              f" 1-token answers: {cpu_one:.3f} s CPU")
stream = {}
for name, s in samples.items():
    full, one = statistics.median(s["full"]), statistics.median(s["one"])
    stream[name] = {"per_token": full / (seats * tokens) * 1e6,
                    "marginal": (full - one) / (seats * (tokens - 1)) * 1e6, "fixed": one * 1e3}
check = subprocess.run([bench, "ask", "--arena", arena, "--tokens", str(tokens), "--seats", str(seats), "--runs", "1"],
                       env=ENV, capture_output=True, text=True)
found = re.search(r"([\d.]+) µs CPU per token", check.stdout)
print("  cross-check, arena-bench ask (its own server, same arena binary): "
      + (f"{found.group(1)} µs CPU/token" if check.returncode == 0 and found else f"failed: {check.stderr.strip()[-300:]}"))

# --- the leaderboard ------------------------------------------------------------------------
print(f"\n[2/3] leaderboard: {battles} battles among {models} models, {rounds} bootstrap rounds")
data, store = os.path.join(work, "battles.jsonl"), os.path.join(work, "store.sqlite")
with open(data, "wb") as handle:
    if subprocess.run([sys.executable, os.path.join(repo, "scripts", "make-battles.py"), str(battles), str(models)],
                      stdout=handle).returncode != 0:
        raise Failure("scripts/make-battles.py failed")
import_cpu, import_wall, outs = measure([[arena, "import", data, "--store", store]], ARENA_ENV, "arena import")
with open(outs[0]) as handle:
    said = handle.read().strip()
if not said.startswith(f"imported {battles} battles"):
    raise Failure(f"arena import said: {said}")
print(f"  arena import: {import_wall:.2f} s wall, {import_cpu:.2f} s CPU ({battles / import_wall:,.0f} battles/s)")
arena_lb = []
for run in range(1, runs + 1):
    cpu, wall, outs = measure([[arena, "leaderboard", "--store", store, "--bootstrap", str(rounds)]], ARENA_ENV,
                              "arena leaderboard")
    arena_lb.append((wall, cpu))
    print(f"  run {run} arena leaderboard: {wall:.2f} s wall, {cpu:.2f} s CPU")
_, _, outs = measure([[arena, "leaderboard", "--store", store, "--bootstrap", str(rounds), "--format", "json"]],
                     ARENA_ENV, "arena leaderboard --format json")
with open(outs[0]) as handle:
    arena_rows = {row["model"]: row for row in json.load(handle)}
fastchat_lb = []
for run in range(1, fastchat_runs + 1):
    result = os.path.join(work, f"fastchat-{run}.json")
    cpu, wall, _ = measure([[os.path.join(venv, "bin", "python"), os.path.join(work, "fastchat_leaderboard.py"), data,
                             str(rounds), result]], PY_ENV, "FastChat leaderboard")
    fastchat_lb.append((wall, cpu))
    with open(result) as handle:
        fastchat = json.load(handle)
    phases = ", ".join(f"{k} {v:.2f} s" for k, v in fastchat["phases"].items())
    print(f"  run {run} FastChat: {wall:.2f} s wall, {cpu:.2f} s CPU ({phases})")
if set(fastchat["ratings"]) != set(arena_rows):
    raise Failure("arena and FastChat ranked different models")
delta = max(abs(arena_rows[m]["rating"] - fastchat["ratings"][m][0]) for m in arena_rows)
order_arena = sorted(arena_rows, key=lambda m: -arena_rows[m]["rating"])
order_fastchat = sorted(fastchat["ratings"], key=lambda m: -fastchat["ratings"][m][0])
width_arena = statistics.mean(arena_rows[m]["ci_high"] - arena_rows[m]["ci_low"] for m in arena_rows)
width_fastchat = statistics.mean(r[2] - r[1] for r in fastchat["ratings"].values())
print(f"  agreement: ratings differ by at most {delta:.2f} points, same order: {order_arena == order_fastchat}; "
      f"mean 95% interval width arena {width_arena:.1f}, FastChat {width_fastchat:.1f} points")

# --- cold start -----------------------------------------------------------------------------
cold = None
if cold_runs > 0:
    print(f"\n[3/3] cold start to first frame on the imported store, {cold_runs} runs (scripts/bench-cold-start.py)")
    result = subprocess.run([sys.executable, os.path.join(repo, "scripts", "bench-cold-start.py"), arena, store,
                             str(cold_runs)], env=ARENA_ENV, capture_output=True, text=True)
    medians = re.findall(r"median (\d+) ms", result.stdout)
    if result.returncode == 0 and len(medians) == 2:
        cold = [int(m) for m in medians]
        print("  " + result.stdout.strip().replace("\n", "\n  "))
    else:
        print(f"  skipped: bench-cold-start.py failed: {(result.stderr or result.stdout).strip()[-300:]}")

# --- the table ------------------------------------------------------------------------------
def us(x):
    return f"{x:.2f} µs" if x < 10 else f"{x:.1f} µs" if x < 100 else f"{x:,.0f} µs"


def ratio(peer, ours):
    r = peer / ours if ours > 0 else float("inf")
    return f"{r:.2f}×" if r < 10 else f"{r:.0f}×"


a, l, c = stream["arena"], stream["llm"], stream["curl"]
aw, ac = statistics.median(w for w, _ in arena_lb), statistics.median(c_ for _, c_ in arena_lb)
fw, fc = statistics.median(w for w, _ in fastchat_lb), statistics.median(c_ for _, c_ in fastchat_lb)
rows = [
    (f"CPU per streamed token, whole process ({seats} × {tokens:,} tokens; peer: llm, one process per seat)",
     us(a["per_token"]), us(l["per_token"]), ratio(l["per_token"], a["per_token"])),
    ("CPU per streamed token, fixed cost of a 1-token answer subtracted",
     us(a["marginal"]), us(l["marginal"]), ratio(l["marginal"], a["marginal"])),
    (f"CPU of {seats} one-token answers (start-up, config, store/log, exit)",
     f"{a['fixed']:.0f} ms", f"{l['fixed']:.0f} ms", ratio(l["fixed"], a["fixed"])),
    ("floor: CPU per streamed token, whole process (peer: curl -N)",
     us(a["per_token"]), us(c["per_token"]), ratio(c["per_token"], a["per_token"])),
    (f"leaderboard, {battles:,} battles / {models} models, {rounds} bootstraps, wall (peer: FastChat 0.2.36)",
     f"{aw:.2f} s", f"{fw:.2f} s", ratio(fw, aw)),
    ("the same, CPU (user + system)", f"{ac:.2f} s", f"{fc:.2f} s", ratio(fc, ac)),
    (f"context: arena import of the {battles:,} battles", f"{battles / import_wall:,.0f} battles/s ({import_wall:.1f} s)", "—", "—"),
]
if cold:
    rows.append(("context: cold start to first frame / verdict count shown (imported store)",
                 f"{cold[0]} ms / {cold[1]} ms", "—", "—"))
print(f"\n{cpu_model()}, {os.cpu_count()} cores; median of {runs} run{'s' if runs > 1 else ''} each (FastChat: {fastchat_runs}); "
      f"load average now {os.getloadavg()[0]:.2f}; {time.perf_counter() - began:.0f} s in all")
print("Ratios are what this measures; the absolute numbers depend on the machine.\n")
print("| path | arena | peer | ratio (peer / arena) |")
print("| --- | --- | --- | --- |")
for row in rows:
    print("| " + " | ".join(row) + " |")
PYTHON

export BP_WORK="$work" BP_REPO="$repo" BP_VENV="$venv" BP_ARENA="$arena_bin" BP_BENCH="$bench_bin" BP_PORT="$port" \
    BP_RUNS="$runs" BP_TOKENS="$tokens" BP_SEATS="$seats" BP_BATTLES="$battles" BP_MODELS="$models" \
    BP_BOOTSTRAP="$bootstrap" BP_FASTCHAT_RUNS="$fastchat_runs" BP_COLD_RUNS="$cold_runs"
python3 "$work/harness.py" || die "a measurement failed (see above)"
