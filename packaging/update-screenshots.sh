#!/bin/sh
# Renders the README's pictures from the GUI tests that drive the real widgets (TestScreenshots:
# every station form, the trace and the dashboard at 1920x1080 and 1366x768 in English and
# Chinese; TestTracePage: trace, void and reflow curve; TestSpcPanel: the SPC chart; TestMainWindow:
# login and a refused scan; TestSessionSecurity: operators; TestSettingsDialog: settings;
# TestLabelPrinting: the print dialog), then copies the ones the README shows into docs/screenshots/. Run after ./packaging/run-tests.sh has built build-tests/.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build-tests}
shots=$(mktemp -d)
trap 'rm -rf "$shots"' EXIT
REWORK_SCREENSHOT_DIR="$shots" ctest --test-dir "$build" --output-on-failure \
    -R '^(TestScreenshots|TestTracePage|TestSpcPanel|TestMainWindow|TestSessionSecurity|TestSettingsDialog|TestLabelPrinting)$'
copy() { cp "$shots/$1.png" "docs/screenshots/$2.png"; }
copy form-intake-en-1920x1080 station-intake-en-1920x1080
copy form-test-en-1366x768 station-test-en-1366x768
copy form-test-zh_CN-1920x1080 station-test-zh_CN-1920x1080
copy form-pack-en-1920x1080 station-pack-en-1920x1080
copy form-mount-zh_CN-1366x768 station-mount-zh_CN-1366x768
copy dashboard-en-1920x1080 dashboard-en-1920x1080
copy dashboard-zh_CN-1366x768 dashboard-zh_CN-1366x768
copy trace-1920x1080 trace-1920x1080
copy void-dialog-1920x1080 void-dialog-1920x1080
copy reflow-curve reflow-curve
copy spc-chart spc-chart
copy trace-zh_CN-1366x768 trace-zh_CN-1366x768
copy login login
copy strip-error-zh_CN strip-error-zh_CN
copy operators operators
copy settings settings
copy label-dialog label-dialog
echo "docs/screenshots/ updated from $build"
