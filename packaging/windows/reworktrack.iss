; Inno Setup script for ReworkTrack (compiled by build.ps1). Untested here: see README.md.
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef StageDir
  #define StageDir "..\..\build-win\stage"
#endif

[Setup]
AppId={{6F0F2C1E-5B7A-4C5E-9B8E-2D7A1C0E4F11}
AppName=ReworkTrack
AppVersion={#AppVersion}
AppPublisher=ReworkTrack
DefaultDirName={autopf}\ReworkTrack
DefaultGroupName=ReworkTrack
OutputBaseFilename=ReworkTrack-{#AppVersion}-setup
ArchitecturesInstallIn64BitMode=x64
Compression=lzma2
SolidCompression=yes
PrivilegesRequired=admin

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "{#StageDir}\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\ReworkTrack"; Filename: "{app}\bin\reworktrack.exe"
Name: "{autodesktop}\ReworkTrack"; Filename: "{app}\bin\reworktrack.exe"

[Run]
; The nightly sync, for the user who installs; it does nothing until sync is set up.
Filename: "schtasks.exe"; Parameters: "/Create /F /SC DAILY /ST 02:00 /TN ""ReworkTrack sync"" /TR ""\""{app}\bin\reworkctl.exe\"" sync --if-configured --retries 3"""; Flags: runhidden
Filename: "{app}\bin\reworktrack.exe"; Description: "Start ReworkTrack"; Flags: postinstall nowait skipifsilent

[UninstallRun]
Filename: "schtasks.exe"; Parameters: "/Delete /F /TN ""ReworkTrack sync"""; Flags: runhidden; RunOnceId: "DelSyncTask"
