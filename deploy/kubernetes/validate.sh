#!/usr/bin/env bash
# Renders every overlay under overlays/ with Kustomize, as it is and with the optional
# components/in-cluster-postgres, and validates each render (validate.mjs: the Kubernetes 1.33
# schemas from the npm package kubernetes-models, strict about unknown fields, plus Kyoso's
# policy checks). Needs no cluster and no network beyond the npm registry (and, only when no
# Kustomize v5 is installed, Debian's package archive).
#
#   deploy/kubernetes/validate.sh               exit 0 when every render is valid
#   deploy/kubernetes/validate.sh --out DIR     also keep the rendered manifests in DIR
#
# Kustomize, the first that renders a Component with `labels` and `replacements` (v5):
#   $KUSTOMIZE (a command taking a directory, e.g. "kustomize build"), `kubectl kustomize`,
#   `kustomize build`, or Debian 13's kustomize package, fetched once into .tools/ with apt from
#   the Debian archive this machine already uses. (Debian 12's kubernetes-client is kubectl
#   1.20 with Kustomize v2, which renders none of this; Debian 13's is 1.32 and does.)
#
# The overlays' secrets/*.env are never read: the renders use the committed *.env.example.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 [--out DIR]" >&2; exit 2 ;;
  esac
done

fail() { echo "validate.sh: $*" >&2; exit 1; }

command -v node >/dev/null || fail "node is missing (Node.js 20 or newer)"
command -v npm >/dev/null || fail "npm is missing"

# --- the validator's dependencies, exactly as locked ---
if ! npm_log="$(npm ci --no-audit --no-fund --loglevel=error 2>&1)"; then
  echo "$npm_log" >&2
  fail "npm ci failed"
fi
echo "validator: kubernetes-models $(node -p 'require("./node_modules/kubernetes-models/package.json").version') (Kubernetes 1.33 schemas), yaml $(node -p 'require("./node_modules/yaml/package.json").version'), node $(node --version)"

# --- the production realm still matches the demo realm it is derived from ---
node realm.mjs --check

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --- find a Kustomize v5 by what it can do, not by what it says its version is ---
mkdir -p "$work/probe/component" "$work/probe/overlay"
cat > "$work/probe/component/kustomization.yaml" <<'EOF'
apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
replacements:
  - source: {kind: ConfigMap, name: site, fieldPath: data.value}
    targets:
      - select: {kind: ConfigMap, name: probe}
        fieldPaths: [data.value]
EOF
cat > "$work/probe/overlay/kustomization.yaml" <<'EOF'
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
labels:
  - pairs: {probe: "true"}
    includeSelectors: false
resources: [site.yaml]
configMapGenerator:
  - name: probe
    literals: [value=unset]
components: [../component]
EOF
cat > "$work/probe/overlay/site.yaml" <<'EOF'
apiVersion: v1
kind: ConfigMap
metadata:
  name: site
  annotations: {config.kubernetes.io/local-config: "true"}
data: {value: replaced}
EOF
renders_probe() { "$@" "$work/probe/overlay" 2>/dev/null | grep -q "value: replaced"; }

debian_archive() {
  # The Debian archive this machine's apt already uses (not its security archive).
  {
    awk 'BEGIN{RS=""} /Suites:/ && !/-security/ { for (i = 1; i <= NF; i++) if ($i == "URIs:") { print $(i+1); exit } }' \
      /etc/apt/sources.list.d/*.sources 2>/dev/null
    awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { if ($(i+1) !~ /-security/) print $i; break } }' \
      /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null
  } | grep -v security | head -n 1
}

fetch_debian_kustomize() {
  command -v apt-get >/dev/null && command -v dpkg >/dev/null || return 1
  local archive suite="${KUSTOMIZE_DEBIAN_SUITE:-trixie}" tools="$here/.tools"
  archive="$(debian_archive)"
  [ -n "$archive" ] || return 1
  echo "kustomize: no Kustomize v5 installed; fetching Debian ${suite}'s kustomize package into .tools/" >&2
  rm -rf "$tools/apt" "$tools/kustomize"
  mkdir -p "$tools/apt/lists/partial" "$tools/apt/cache/archives/partial" "$tools/kustomize"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $archive $suite main" > "$tools/apt/sources.list"
  local apt_opts=(-o "Dir::Etc::sourcelist=$tools/apt/sources.list" -o "Dir::Etc::sourceparts=-"
    -o "Dir::State::Lists=$tools/apt/lists" -o "Dir::Cache=$tools/apt/cache" -o "APT::Sandbox::User=root")
  apt-get "${apt_opts[@]}" update -qq >/dev/null || return 1
  (cd "$tools/apt" && apt-get "${apt_opts[@]}" download -qq kustomize >/dev/null) || return 1
  dpkg -x "$tools"/apt/kustomize_*.deb "$tools/kustomize" || return 1
  [ -x "$tools/kustomize/usr/bin/kustomize" ]
}

kustomize_cmd=()
if [ -n "${KUSTOMIZE:-}" ]; then
  read -r -a kustomize_cmd <<< "$KUSTOMIZE"
  renders_probe "${kustomize_cmd[@]}" || fail "\$KUSTOMIZE ($KUSTOMIZE) cannot render Kustomize v5 features"
elif command -v kubectl >/dev/null && renders_probe kubectl kustomize; then
  kustomize_cmd=(kubectl kustomize)
elif command -v kustomize >/dev/null && renders_probe kustomize build; then
  kustomize_cmd=(kustomize build)
elif [ -x .tools/kustomize/usr/bin/kustomize ] && renders_probe .tools/kustomize/usr/bin/kustomize build; then
  kustomize_cmd=("$here/.tools/kustomize/usr/bin/kustomize" build)
elif fetch_debian_kustomize && renders_probe .tools/kustomize/usr/bin/kustomize build; then
  kustomize_cmd=("$here/.tools/kustomize/usr/bin/kustomize" build)
else
  fail "no Kustomize v5 found. Install kubectl 1.27+ or kustomize 5 (Debian 13: apt-get install -y kubernetes-client, or kustomize); Debian 12's kubernetes-client (kubectl 1.20, Kustomize v2) is too old for these manifests"
fi
case "${kustomize_cmd[0]}" in
  kubectl) echo "kustomize: $(kubectl version --client 2>/dev/null | tr '\n' ' ' | sed 's/ *$//')" ;;
  *) echo "kustomize: ${kustomize_cmd[*]}" ;;
esac

# --- a copy to render from: example secrets in place of real ones ---
mkdir -p "$work/tree" "$work/out"
tar --exclude=./node_modules --exclude=./.tools -cf - . | tar -xf - -C "$work/tree"
while IFS= read -r -d '' example; do
  cp "$example" "${example%.example}"
done < <(find "$work/tree" -name '*.env.example' -print0)

add_component() {
  # Adds a component to an overlay's kustomization.yaml, as its README tells an operator to.
  node --input-type=module -e '
    import { readFileSync, writeFileSync } from "node:fs";
    import { parseDocument } from "yaml";
    const [file, component] = process.argv.slice(1);
    const doc = parseDocument(readFileSync(file, "utf8"));
    if (!doc.has("components")) doc.set("components", doc.createNode([]));
    doc.get("components").add(component);
    writeFileSync(file, doc.toString());
  ' "$1" "$2"
}

renders=()
for overlay in "$work"/tree/overlays/*/; do
  name="$(basename "$overlay")"
  "${kustomize_cmd[@]}" "$overlay" > "$work/out/$name.yaml" || fail "kustomize failed on overlays/$name"
  renders+=("$name=$work/out/$name.yaml")

  variant="$work/tree/overlays/$name+in-cluster-postgres"
  cp -r "$overlay" "$variant"
  add_component "$variant/kustomization.yaml" ../../components/in-cluster-postgres
  "${kustomize_cmd[@]}" "$variant" > "$work/out/$name+in-cluster-postgres.yaml" \
    || fail "kustomize failed on overlays/$name with components/in-cluster-postgres"
  renders+=("$name+in-cluster-postgres=$work/out/$name+in-cluster-postgres.yaml")
done
[ ${#renders[@]} -gt 0 ] || fail "no overlay under overlays/"

status=0
node validate.mjs "${renders[@]}" || status=$?
if [ -n "$out" ]; then
  mkdir -p "$out"
  cp "$work"/out/*.yaml "$out"/
  echo "renders kept in $out"
fi
exit "$status"
