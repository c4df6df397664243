<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BackupActions</name>
    <message>
        <source>Liaison</source>
        <extracomment>Set after a restore, for the window to close (tests look at it too).</extracomment>
        <translation>驻企通</translation>
    </message>
    <message>
        <source>Export my data</source>
        <translation>导出我的数据</translation>
    </message>
    <message>
        <source>Liaison backup (*.zip)</source>
        <translation>驻企通备份 (*.zip)</translation>
    </message>
    <message>
        <source>Exporting your data…</source>
        <translation>正在导出您的数据…</translation>
    </message>
    <message>
        <source>Data exported to {path}.</source>
        <translation>数据已导出到 {path}。</translation>
    </message>
    <message>
        <source>Your records and {count} attachments were saved to
{path}
({size:.1f} MB).

Keep the file safe: it holds everything in this data folder.</source>
        <translation>您的记录和 {count} 个附件已保存到
{path}
（{size:.1f} MB）。

请妥善保管该文件：它包含此数据文件夹中的全部内容。</translation>
    </message>
    <message>
        <source>Restore from file</source>
        <translation>从文件恢复</translation>
    </message>
    <message>
        <source>A sync is running. Wait until it has finished, then restore.</source>
        <translation>正在同步。请等同步完成后再恢复。</translation>
    </message>
    <message>
        <source>Replace the records on this computer with the backup made on {created} (Liaison {version}, {count} attachments)?

The current database is kept beside the new one. Liaison closes afterwards; start it again.</source>
        <translation>用 {created} 的备份（驻企通 {version}，附件 {count} 个）替换本机的记录吗？

当前数据库会保留在新数据库旁边。恢复后驻企通将关闭，请重新启动。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>The backup of {created} was restored.</source>
        <translation>{created} 的备份已恢复。</translation>
    </message>
    <message>
        <source>The replaced database is kept as {path}.</source>
        <translation>被替换的数据库已保留为 {path}。</translation>
    </message>
    <message>
        <source>Liaison closes now; start it again to work on the restored records.</source>
        <translation>驻企通现在关闭；请重新启动以使用恢复的记录。</translation>
    </message>
</context>
</TS>
