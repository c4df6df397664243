; Inno Setup script for the Windows installer of 驻企通 Liaison.
; Build on Windows (it cannot be built on Linux):
;   1. py -m venv .venv && .venv\Scripts\pip install -e ".[dev]"
;   2. .venv\Scripts\python scripts\i18n.py compile
;   3. .venv\Scripts\python -m PyInstaller --noconfirm packaging\liaison.spec
;   4. "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\liaison.iss
; The version must be the one in pyproject.toml; the installer lands in dist\.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6F0C3E52-2D1B-4E0B-9A77-5C3B1D2E4A10}
AppName=驻企通 Liaison
AppVersion={#AppVersion}
AppPublisher=County enterprise service centre
DefaultDirName={autopf}\Liaison
DefaultGroupName=驻企通
UninstallDisplayName=驻企通 Liaison {#AppVersion}
UninstallDisplayIcon={app}\liaison.exe
OutputDir=..\..\dist
OutputBaseFilename=liaison-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\liaison.ico
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
WizardStyle=modern

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\liaison\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\驻企通"; Filename: "{app}\liaison.exe"; IconFilename: "{app}\liaison.exe"
Name: "{group}\{cm:UninstallProgram,驻企通}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\驻企通"; Filename: "{app}\liaison.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\liaison.exe"; Description: "{cm:LaunchProgram,驻企通}"; Flags: nowait postinstall skipifsilent

; The officer's data (%LOCALAPPDATA%\liaison) is not removed on uninstall: it is their work.
