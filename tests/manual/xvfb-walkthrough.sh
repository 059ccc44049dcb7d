#!/bin/bash
# Manual check, not part of CTest: walks one donor card through every step on the real
# reworktrack binary under Xvfb with keyboard input only (xdotool), taking a screenshot per step.
# Needs: apt-get install xdotool x11-apps imagemagick; a build in ./build.
# Usage: tests/manual/xvfb-walkthrough.sh en|zh_CN   (pictures land in /tmp/walk-LANG)
set -u
LANGARG=${1:-en}; OUT=/tmp/walk-$LANGARG; rm -rf "$OUT"; mkdir -p "$OUT"
BIN=$(cd "$(dirname "$0")/../.." && pwd)/build/bin
export DISPLAY=:97
Xvfb :97 -screen 0 1280x900x24 >/dev/null 2>&1 & XV=$!
sleep 1
export REWORKTRACK_DB=$OUT/db.sqlite HOME=$OUT
$BIN/reworktrack --demo-if-empty --lang $LANGARG >/dev/null 2>&1 & APP=$!
sleep 6
shot() { xwd -root -silent | convert xwd:- $OUT/$1.png; }
k() { xdotool key --delay 40 "$@"; }
t() { xdotool type --delay 15 "${1:-}"; }
WIN=$(xdotool search --sync --name ReworkTrack | head -1); xdotool windowfocus $WIN 2>/dev/null; xdotool windowsize $WIN 1280 880; sleep 0.5
t OP001; k Return; t 1234; k Return; sleep 0.5; shot 01-after-login
CARD=WALK${RANDOM}0001
k F2; t $CARD; k Return; sleep 0.3            # new card -> intake form, focus on model
t RTX4090; k Return; t LOT-WALK; k Return; k ctrl+Return; sleep 0.5; shot 02-intake
k F2; t $CARD; k Return; sleep 0.3; t AD102-300-A1; k Return; t 2344; k ctrl+Return; sleep 0.5; shot 03-strip
DIE=$(sqlite3 $REWORKTRACK_DB "select die_id from cards where serial='$CARD'")
k F2; t $DIE; k Return; sleep 0.3; k ctrl+Return; sleep 0.5; shot 04-reball
k F2; t $DIE; k Return; sleep 0.3; t SBWALK0001; k Return; k Return; t 240; k Return; t 70; k ctrl+Return; sleep 0.5; shot 05-mount
UNIT=$(sqlite3 $REWORKTRACK_DB "select unit_serial from dies where id='$DIE'")
k F2; t $UNIT; k Return; sleep 0.3; t '#PASS'; k Return; t 9; k ctrl+Return; sleep 0.5; shot 06-inspect
k F2; t $UNIT; k Return; sleep 0.3; t '#PASS'; k Return; k Return; k Return; k Return; t 24564; k Return; t 4; k Return; t 16; k Return; t 70; k ctrl+Return; sleep 0.5; shot 07-test
k F2; t $UNIT; k Return; sleep 0.3; t B-WALK-01; k Return; sleep 0.5; shot 08-pack
k F3; t $UNIT; k Return; sleep 0.5; shot 09-trace
sqlite3 $REWORKTRACK_DB "select group_concat(step) from (select e.step from events e join event_subjects s on s.event_seq=e.seq where s.serial='$CARD' order by e.seq)"
sqlite3 $REWORKTRACK_DB "select state, batch_id from units where serial='$UNIT'"
kill -0 $APP && echo "app still running" || echo "APP DIED"; kill $APP; kill $XV
