<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Backups</name>
    <message>
        <source>Backup written to {path} ({size}): schema {schema}, {count} attachments.</source>
        <translation>备份已写入 {path}（{size}）：数据结构版本 {schema}，附件 {count} 个。</translation>
    </message>
    <message>
        <source>Liaison is open on {path}. Close the window, then restore again.</source>
        <translation>驻企通正在使用 {path}。请先关闭窗口，再重新恢复。</translation>
    </message>
    <message>
        <source>Password of the backup: </source>
        <translation>备份的密码：</translation>
    </message>
    <message>
        <source>{reason}
To restore anyway, run the command again with --force.</source>
        <translation>{reason}
如仍要恢复，请加上 --force 重新运行该命令。</translation>
    </message>
    <message>
        <source>Restored the backup of {created} (schema {schema}); {added} attachments added.</source>
        <translation>已恢复 {created} 的备份（数据结构版本 {schema}）；新增附件 {added} 个。</translation>
    </message>
    <message>
        <source>The replaced database is kept as {path}.</source>
        <translation>被替换的数据库已保留为 {path}。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>write the database and attachments to one file (.zip)</source>
        <translation>把数据库和全部附件备份到一个文件（.zip）</translation>
    </message>
    <message>
        <source>Write a consistent copy of the database and every attachment to one .zip file, also while the window is open.</source>
        <translation>把数据库的一致副本和全部附件写入一个 .zip 文件；程序窗口开着时也可以备份。</translation>
    </message>
    <message>
        <source>the .zip file to write</source>
        <translation>要写入的 .zip 文件</translation>
    </message>
    <message>
        <source>replace the database with a backup file; the old one is kept beside it</source>
        <translation>用备份文件替换数据库；原数据库另存在旁边</translation>
    </message>
    <message>
        <source>a .zip file written by liaison backup or 导出我的数据</source>
        <translation>由 liaison backup 或“导出我的数据”生成的 .zip 文件</translation>
    </message>
    <message>
        <source>restore even if this computer has changes the server has not received</source>
        <translation>即使本机还有服务器尚未收到的更改，也进行恢复</translation>
    </message>
</context>
</TS>
