#!/usr/bin/env bash
# Installs the package built by build-deb.sh the way a PC would get it (apt resolves Debian's Qt
# packages), checks what it put in place, runs the installed programs on a fresh database, and
# removes it again.
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls -1 build-deb/reworktrack_*.deb | tail -1)
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "./$deb" >/dev/null
trap '"${sudo_cmd[@]}" apt-get remove -y -q reworktrack >/dev/null || true' EXIT

echo "test-deb: installed $(dpkg-query -W -f='${Package} ${Version}' reworktrack)"
for f in /usr/bin/reworktrack /usr/bin/reworkctl \
         /usr/share/applications/com.reworktrack.ReworkTrack.desktop \
         /usr/share/metainfo/com.reworktrack.ReworkTrack.metainfo.xml \
         /usr/share/icons/hicolor/scalable/apps/com.reworktrack.ReworkTrack.svg \
         /usr/share/icons/hicolor/48x48/apps/com.reworktrack.ReworkTrack.png \
         /usr/share/icons/hicolor/256x256/apps/com.reworktrack.ReworkTrack.png \
         /usr/share/reworktrack/translations/reworktrack_zh_CN.qm \
         /usr/lib/systemd/user/reworktrack-sync.service /usr/lib/systemd/user/reworktrack-sync.timer; do
    test -e "$f" || { echo "test-deb: missing $f"; exit 1; }
done
desktop-file-validate /usr/share/applications/com.reworktrack.ReworkTrack.desktop
appstreamcli validate --no-net /usr/share/metainfo/com.reworktrack.ReworkTrack.metainfo.xml
# The timer is on for every user (postinst: systemctl --global enable).
test -L /etc/systemd/user/timers.target.wants/reworktrack-sync.timer || {
    echo "test-deb: the sync timer is not enabled"; exit 1; }

# The installed programs, as a new user would run them, on an empty home.
home=$(mktemp -d)
export HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share"
reworkctl --version
reworktrack --version
reworkctl --help | grep -q "server-init"
reworkctl init
reworkctl demo --units 10 --seed 3 >/dev/null
db="$home/.local/share/ReworkTrack/ReworkTrack/reworktrack.sqlite"
test -s "$db" || { echo "test-deb: no database at $db"; exit 1; }
unit=$(sqlite3 "$db" "SELECT serial FROM units LIMIT 1")
reworkctl trace "$unit" | tee "$home/trace.txt" | head -5
grep -q "$unit" "$home/trace.txt"
reworkctl sync --if-configured
reworkctl check
QT_QPA_PLATFORM=offscreen reworktrack --screenshot "$home/window.png"
test -s "$home/window.png"
QT_QPA_PLATFORM=offscreen reworktrack --lang zh_CN --screenshot "$home/window-zh.png"
test -s "$home/window-zh.png"
echo "test-deb: ok"
