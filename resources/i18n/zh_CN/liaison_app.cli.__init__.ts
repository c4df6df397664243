<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>The desktop app&apos;s packages are not installed here ({name} is missing). Install them with: pip install &apos;liaison[gui]&apos;</source>
        <extracomment>Modules that add subcommands; a missing optional one (e.g. sync) is skipped. What the ``gui`` extra installs; a server installed alone (``liaison[server]``) has none.</extracomment>
        <translation>此处未安装桌面程序所需的软件包（缺少 {name}）。请用以下命令安装：pip install &apos;liaison[gui]&apos;</translation>
    </message>
</context>
</TS>
