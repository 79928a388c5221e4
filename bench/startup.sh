#!/usr/bin/env bash
# Startup benchmark (issue A): time from the README's run command to "ready" with a warm ./data,
# and the application's memory once started. Re-runnable; writes a section of docs/benchmarks.md.
#   bash bench/startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=${PORT:-18080}
url="http://localhost:$port/actuator/health/readiness"

start_once() {
  local t0 t1 pid
  t0=$(date +%s.%N)
  PORT=$port mvn -B -q spring-boot:run -Dspring-boot.run.profiles=demo > target/startup-run.log 2>&1 &
  pid=$!
  until curl -fsS "$url" 2>/dev/null | grep -q '"UP"'; do
    sleep 0.2
    if ! kill -0 "$pid" 2>/dev/null; then echo "app exited, see target/startup-run.log" >&2; exit 1; fi
  done
  t1=$(date +%s.%N)
  app=$(pgrep -f 'cn.wushe.WusheApplication' | head -1)
  sleep 2
  rss_kb=$(ps -o rss= -p "$app" | tr -d ' ')
  heap=$(jcmd_heap "$app")
  echo "$(python3 -c "print(round($t1 - $t0, 1))") $rss_kb $heap"
  kill "$app" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  while pgrep -f 'cn.wushe.WusheApplication' >/dev/null; do sleep 0.2; done
}

# heap in use after a full GC, MB (jcmd from the JDK that runs the app)
jcmd_heap() {
  local java_bin jcmd
  java_bin=$(readlink -f "/proc/$1/exe")
  jcmd="$(dirname "$java_bin")/jcmd"
  "$jcmd" "$1" GC.run >/dev/null 2>&1 || true
  "$jcmd" "$1" GC.heap_info 2>/dev/null | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub("K,?","",v); print int(v/1024); exit}}'
}

mkdir -p target
echo "warming ./data (first start loads regions and demo data if needed)…"
start_once > /dev/null
results=()
for i in $(seq 1 "$runs"); do
  r=$(start_once); echo "run $i: $r (seconds, RSS KB, heap used MB)"; results+=("$r")
done

times=$(printf '%s\n' "${results[@]}" | awk '{print $1}' | sort -n | tr '\n' ' ')
median=$(printf '%s\n' "${results[@]}" | awk '{print $1}' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
rss=$(printf '%s\n' "${results[@]}" | awk '{print $2}' | sort -n | tail -1)
heap=$(printf '%s\n' "${results[@]}" | awk '{print $3}' | sort -n | tail -1)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
mem=$(free -g | awk '/Mem:/ {print $2}')
section=$(cat <<MD
<!-- startup -->
## Startup to ready (启动时间)

Run on $(date -u +%Y-%m-%d) with \`bash bench/startup.sh $runs\`: the README's run command
(\`mvn -B spring-boot:run -Dspring-boot.run.profiles=demo\`) with a warm \`./data\`, timed until
\`/actuator/health/readiness\` answers UP. Machine: $(nproc) CPUs ($cpu), ${mem} GiB memory;
load average before: $(cut -d' ' -f1-3 /proc/loadavg).

| what | result | goal |
|---|---|---|
| run command → ready, median of $runs (all: ${times% }) | **${median} s** | ≤ 15 s |
| resident memory of the app after start (max) | $((rss / 1024)) MB | |
| heap in use after a full GC (max) | ${heap} MB | |

The time includes Maven's own start and its up-to-date checks (about a third of it); the
application itself starts PostgreSQL from \`./data\`, validates migrations, skips the unchanged
region import by checksum and finds the demo data present.
<!-- /startup -->
MD
)
python3 - "$section" <<'PY'
import re, sys, pathlib
p = pathlib.Path("docs/benchmarks.md")
text = p.read_text() if p.exists() else "# Benchmarks\n"
section = sys.argv[1]
if "<!-- startup -->" in text:
    text = re.sub(r"<!-- startup -->.*?<!-- /startup -->", lambda m: section, text, flags=re.S)
else:
    text = text.rstrip() + "\n\n" + section + "\n"
p.write_text(text)
PY
echo "written to docs/benchmarks.md"
