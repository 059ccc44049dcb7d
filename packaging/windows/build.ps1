# Builds ReworkTrack for Windows and makes the installer. Untested here: see README.md.
param(
    [Parameter(Mandatory = $true)][string]$QtDir,
    [Parameter(Mandatory = $true)][string]$Vcpkg,
    [string]$InnoSetup = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe"
)
$ErrorActionPreference = "Stop"
$root = Resolve-Path "$PSScriptRoot\..\.."
$build = Join-Path $root "build-win"
$stage = Join-Path $build "stage"

cmake -S $root -B $build -G Ninja -DCMAKE_BUILD_TYPE=Release -DREWORK_TESTS=OFF `
    -DCMAKE_PREFIX_PATH="$QtDir" `
    -DCMAKE_TOOLCHAIN_FILE="$Vcpkg\scripts\buildsystems\vcpkg.cmake"
cmake --build $build
cmake --install $build --prefix $stage

& "$QtDir\bin\windeployqt.exe" --release --compiler-runtime `
    "$stage\bin\reworktrack.exe" "$stage\bin\reworkctl.exe"
Copy-Item "$Vcpkg\installed\x64-windows\bin\*.dll" "$stage\bin"

$version = (Select-String -Path "$root\CMakeLists.txt" -Pattern 'project\(ReworkTrack VERSION ([0-9.]+)').Matches[0].Groups[1].Value
& $InnoSetup "/DAppVersion=$version" "/DStageDir=$stage" "/O$build" "$PSScriptRoot\reworktrack.iss"
