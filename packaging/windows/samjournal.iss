; Windows installer for SamJournal (Inno Setup 6.3 or later).
;
; Build the program folder first, then the installer (build_app.py does both when ISCC.exe is
; installed):
;   .venv\Scripts\python packaging\build_app.py
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" packaging\windows\samjournal.iss
; The version comes from samjournal.__version__ through build\installer\version.iss (written
; by build_app.py); /DMyAppVersion=x.y.z /DMyAppNumericVersion=x.y.z.0 on the ISCC command line
; overrides it.
;
; Installs per user by default (no administrator rights, %LOCALAPPDATA%\Programs\SamJournal);
; the user may choose all users instead, or IT passes /ALLUSERS (C:\Program Files\SamJournal).
; Silent install for IT:
;   SamJournal-<version>-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /ALLUSERS
;   add /MERGETASKS="!desktopicon" for no desktop icon; /LOG="file" to keep a log.
; Silent uninstall: "unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; Uninstalling removes the program only. Journals live in each user's data folder
; (%LOCALAPPDATA%\SamJournal) and are never touched by installing, upgrading or uninstalling.

#define MyAppName "SamJournal"
#define MyAppExeName "SamJournal.exe"
#define MyCliExeName "samjournal-cli.exe"
#define Root AddBackslash(SourcePath) + "..\.."
#ifndef MyAppVersion
  #include Root + "\build\installer\version.iss"
#endif
#ifndef MyAppNumericVersion
  #define MyAppNumericVersion MyAppVersion
#endif

[Setup]
; The AppId ties upgrades and the uninstaller to earlier installs: never change it.
AppId={{6B0E3C52-8A1F-4E47-9C3B-5D2A7F1E9B40}
AppName={#MyAppName}
AppVersion={#MyAppVersion}
AppVerName={#MyAppName} {#MyAppVersion}
AppPublisher=SamJournal
VersionInfoVersion={#MyAppNumericVersion}
VersionInfoProductVersion={#MyAppNumericVersion}
VersionInfoDescription={#MyAppName} installer
DefaultDirName={autopf}\{#MyAppName}
DefaultGroupName={#MyAppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
UsePreviousPrivileges=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#Root}\dist
OutputBaseFilename={#MyAppName}-{#MyAppVersion}-setup
SetupIconFile={#Root}\build\package-inputs\icons\samjournal.ico
UninstallDisplayIcon={app}\{#MyAppExeName}
UninstallDisplayName={#MyAppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running SamJournal holds its files open: ask it to close (it locks the journal on close).
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "nb"; MessagesFile: "compiler:Languages\Norwegian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
nb.DemoShortcut=SamJournal demo (oppdiktede familier)
en.DemoShortcut=SamJournal demo (made-up families)

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole program folder: no library of an older version may linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Root}\dist\{#MyAppName}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#MyAppName}"; Filename: "{app}\{#MyAppExeName}"
Name: "{autoprograms}\{cm:DemoShortcut}"; Filename: "{app}\{#MyAppExeName}"; Parameters: "--demo"
Name: "{autodesktop}\{#MyAppName}"; Filename: "{app}\{#MyAppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#MyAppExeName}"; Description: "{cm:LaunchProgram,{#MyAppName}}"; Flags: nowait postinstall skipifsilent
