<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Liaison</source>
        <extracomment>Set to make the window quit as soon as it is painted, printing how long that took (the start-up benchmark uses it).</extracomment>
        <translation>驻企通</translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>An automatic backup from {when} is available. Restoring it keeps the damaged file beside it, renamed, so nothing is deleted.</source>
        <translation>有一份 {when} 的自动备份可用。恢复后，损坏的文件会改名保留在原处，不会删除任何内容。</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Welcome to Liaison</source>
        <translation>欢迎使用驻企通</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>The database in {path} already holds records; demo data was not added. Demo data can only be loaded into an empty database.</source>
        <translation>{path} 中的数据库已有记录，未添加演示数据。演示数据只能载入空数据库。</translation>
    </message>
    <message>
        <source>The database is empty. Load a demo county (9 towns, 300 enterprises, 3,000 visits) to try the app? Demo data is never sent to a server.</source>
        <translation>数据库为空。是否载入演示县数据（9 个镇街、300 家企业、3000 次走访）来试用？演示数据不会同步到服务器。</translation>
    </message>
    <message>
        <source>Creating demo data…</source>
        <translation>正在生成演示数据…</translation>
    </message>
    <message>
        <source>The data folder {path} cannot be used: {reason}</source>
        <translation>无法使用数据文件夹 {path}：{reason}</translation>
    </message>
    <message>
        <source>Liaison is already running with the data folder {path}. Switch to that window; only one copy may use a data folder at a time.</source>
        <translation>驻企通已在使用数据文件夹 {path} 运行。请切换到已打开的窗口；同一数据文件夹同时只能由一个程序使用。</translation>
    </message>
</context>
</TS>
