# Shared by the crash, backup, load and multi-instance scripts (sourced, not run).
#
# start_test_issuer PORT LOG: starts the test-scope OIDC issuer (api/src/test/java/jp/kyoso/support/
# DevIdentityProvider.java, compiled into api/target/test-classes by the build; never part of the
# runnable jar) on 127.0.0.1:PORT and waits until it answers. Any username with the password `demo`
# gets a token, the realm file's people with their ids and roles; its issuer URL is
# http://localhost:PORT/realms/kyoso. Sets TEST_ISSUER_PID; stop_test_issuer stops it.
# Needs JAVA and APP (the quarkus-app directory) set by the caller.
start_test_issuer() {
  local port="$1" log="$2" classes
  classes="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/api/target/test-classes"
  if [ ! -f "$classes/jp/kyoso/support/DevIdentityProvider.class" ]; then
    echo "No test issuer in $classes: build the test classes first (./mvnw -pl api test-compile)." >&2
    return 2
  fi
  "$JAVA" -cp "$classes:$APP/app/*:$APP/lib/main/*" jp.kyoso.support.DevIdentityProvider "$port" >>"$log" 2>&1 &
  TEST_ISSUER_PID=$!
  local i
  for i in $(seq 1 150); do
    grep -q "Test issuer at" "$log" 2>/dev/null && return 0
    kill -0 "$TEST_ISSUER_PID" 2>/dev/null || break
    sleep 0.2
  done
  echo "The test issuer did not start (log: $log)" >&2
  return 1
}

stop_test_issuer() {
  [ -n "${TEST_ISSUER_PID:-}" ] && kill "$TEST_ISSUER_PID" 2>/dev/null
  TEST_ISSUER_PID=""
  return 0
}
