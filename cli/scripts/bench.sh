#!/usr/bin/env bash
# Measures `wasm-manifests check` on 10,000 small manifests of all four
# formats, with the default number of threads against `--jobs 1`.
#
#   cli/scripts/bench.sh [COUNT]
#
# Needs a release build (`cargo build --release`) and hyperfine; without
# hyperfine it falls back to timing five runs of each with `time`.
set -euo pipefail
cd "$(dirname "$0")/../.."

count=${1:-10000}
bin=$PWD/target/release/wasm-manifests
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 2; }

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

for ((i = 0; i < count; i++)); do
  pkg=$dir/p$((i / 100))/m$i
  mkdir -p "$pkg"
  case $((i % 5)) in
    0|1)
      cat >"$pkg/wasmer.toml" <<TOML
[package]
name = "acme/tool-$i"
version = "1.$((i % 7)).0"
description = "Generated package $i"
license = "MIT"

[[module]]
name = "tool"
source = "tool.wasm"
abi = "wasi"

[[command]]
name = "tool"
module = "tool"
runner = "wasi"
TOML
      ;;
    2)
      cat >"$pkg/spin.toml" <<TOML
spin_manifest_version = "1"
name = "app-$i"
version = "0.1.0"
trigger = { type = "http", base = "/" }

[[component]]
id = "hello"
source = "hello.wasm"
[component.trigger]
route = "/hello"
TOML
      ;;
    3)
      printf '{"wasm": [{"path": "plugin-%d.wasm"}], "memory": {"max_pages": 16}}\n' "$i" \
        >"$pkg/plugin-$i.json"
      ;;
    4)
      cat >"$pkg/node-$i.toml" <<TOML
manifest_version = 1
id = "acme.node-$i"
name = "Node $i"
version = "0.1.0"
description = "Generated node $i"

[[nodes]]
id = "run"
name = "Run"
description = "Runs step $i"
category = "Generated"
TOML
      ;;
  esac
done

echo "generated $count manifests in $dir on $(nproc) cores"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 3 --runs 30 -i \
    "$bin check --quiet $dir" \
    "$bin check --quiet --jobs 1 $dir"
else
  for args in "" "--jobs 1"; do
    echo "== check --quiet $args"
    for _ in 1 2 3 4 5; do
      # shellcheck disable=SC2086
      ( time "$bin" check --quiet $args "$dir" >/dev/null || true ) 2>&1 | grep real
    done
  done
fi
