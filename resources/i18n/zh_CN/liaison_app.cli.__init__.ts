<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>驻企通 Liaison — the record book of enterprise liaison officers. Without a command it opens the window.</source>
        <extracomment>Modules that add subcommands; a missing optional one (e.g. sync) is skipped. Commands that open the window (or an offscreen one), which sets up its own logging. Exit statuses besides 0 (done) and 1 (refused, or failed with a sentence saying why). What the ``gui`` extra installs; a server installed alone (``liaison[server]``) has none.</extracomment>
        <translation>驻企通——驻企联络员工作台账。不带命令时打开程序窗口。</translation>
    </message>
    <message>
        <source>data folder (default: the user&apos;s data folder, or $LIAISON_DATA_DIR)</source>
        <translation>数据文件夹（默认：当前用户的数据文件夹，或环境变量 $LIAISON_DATA_DIR 指定的文件夹）</translation>
    </message>
    <message>
        <source>also print the log on the screen</source>
        <translation>同时在屏幕上显示运行日志</translation>
    </message>
    <message>
        <source>read the password that unlocks the data from the first line of standard input (for scripts)</source>
        <translation>从标准输入的第一行读取解锁数据的密码（供脚本使用）</translation>
    </message>
    <message>
        <source>Interrupted.</source>
        <translation>已中断。</translation>
    </message>
    <message>
        <source>The desktop app&apos;s packages are not installed here ({name} is missing). Install them with: pip install &apos;liaison[gui]&apos;</source>
        <translation>此处未安装桌面程序所需的软件包（缺少 {name}）。请用以下命令安装：pip install &apos;liaison[gui]&apos;</translation>
    </message>
    <message>
        <source>Unexpected error ({kind}); the command did not finish. The details are in {log}.</source>
        <translation>发生意外错误（{kind}），命令未完成。详细信息已写入 {log}。</translation>
    </message>
</context>
</TS>
