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
</TS>
