# AppCDS (JDK 17: -XX:ArchiveClassesAtExit / -XX:SharedArchiveFile) for every start: sourced by the distribution's
# bin/prehod and by the repository's ./prehod, so both keep their archives the same way. One archive per JDK and
# class path, named by a hash of both (the JDK's version and path, every class path entry's size and mtime), so a
# stale archive is never found; the JVM itself also refuses one that does not match. The first start records to a
# temporary file, renamed into place only after a clean stop: a crash never leaves a half-written archive in use.
# PREHOD_CDS=off runs without.

# java_with_cds JAVA CDS_DIR NAME CLASSPATH_ENTRY... -- JVM_ARGUMENT...
# Runs JAVA with the archive CDS_DIR/NAME-<hash>.jsa (recording it at the first start), forwards SIGTERM/SIGINT for
# a graceful stop and SIGHUP for a metadata reload (systemd's ExecReload), and exits with the JVM's status.
java_with_cds() {
  local java=$1 dir=$2 name=$3 key archive recording="" cds=()
  shift 3
  local entries=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do entries+=("$1"); shift; done
  shift
  if [ "${PREHOD_CDS:-on}" != "off" ] && mkdir -p "$dir" 2>/dev/null; then
    key=$( { "$java" -version 2>&1; readlink -f "$java"; ls -lLd --time-style=+%s "${entries[@]}" 2>&1; } \
      | sha256sum | cut -c1-16)
    archive="$dir/$name-$key.jsa"
    if [ -s "$archive" ]; then
      cds=("-XX:SharedArchiveFile=$archive")
    else
      recording="$dir/$name-$key.jsa.$$.tmp"
      cds=("-XX:ArchiveClassesAtExit=$recording")
    fi
    # A stale or foreign archive is ignored by the JVM; it need not say so on every start.
    cds+=("-Xlog:cds=off" "-Xlog:cds+dynamic=off")
  fi
  "$java" "${cds[@]}" "$@" &
  local pid=$!
  trap 'kill -TERM "$pid" 2>/dev/null' TERM INT
  trap 'kill -HUP "$pid" 2>/dev/null' HUP
  local status
  while :; do
    status=0
    wait "$pid" || status=$?
    # wait returned for a trapped signal while the JVM runs on (a reload, or its graceful stop): wait again.
    if [ "$status" -gt 128 ] && kill -0 "$pid" 2>/dev/null; then
      continue
    fi
    break
  done
  trap - TERM INT HUP
  if [ -n "$recording" ]; then
    # 143/130: stopped by SIGTERM/SIGINT after a clean shutdown, when the JVM writes the archive.
    if [ -s "$recording" ] && { [ "$status" -eq 0 ] || [ "$status" -eq 143 ] || [ "$status" -eq 130 ]; }; then
      mv -f "$recording" "$archive"
    else
      rm -f "$recording"
    fi
  fi
  return "$status"
}
