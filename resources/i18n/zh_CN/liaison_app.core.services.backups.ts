<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Backups</name>
    <message>
        <source>There is no database in {path} to back up.</source>
        <extracomment>``progress(done, total, text)``; called from the thread doing the work. Which data key the backup is encrypted with (&quot;&quot; for a plain backup). Where the database that was replaced now lives (None when there was none).</extracomment>
        <translation>{path} 中没有可备份的数据库。</translation>
    </message>
    <message>
        <source>The data in {path} is locked; unlock it to make a backup.</source>
        <translation>{path} 中的数据已锁定，请先解锁再备份。</translation>
    </message>
    <message>
        <source>Copying the database…</source>
        <translation>正在复制数据库…</translation>
    </message>
    <message>
        <source>Copying attachments…</source>
        <translation>正在复制附件…</translation>
    </message>
    <message>
        <source>The file {path} is not a Liaison backup (made with “Export my data” or liaison backup).</source>
        <translation>文件 {path} 不是驻企通备份（应由“导出我的数据”或 liaison backup 生成）。</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>This backup was made by a newer version of Liaison ({version}). Install that version or later to restore it.</source>
        <translation>此备份由较新版本的驻企通（{version}）制作。请安装该版本或更新版本后再恢复。</translation>
    </message>
    <message>
        <source>This backup was made by a newer version of Liaison ({version}, schema {found}; this version knows schema {known}). Install Liaison {version} or later to restore it.</source>
        <translation>此备份由较新版本的驻企通生成（{version}，数据结构版本 {found}；本版本只认识到 {known}）。请安装驻企通 {version} 或更新版本后再恢复。</translation>
    </message>
    <message>
        <source>This computer has {count} changes the server has not received yet. Restoring would replace them (they stay in the replaced database file, kept beside the new one). Sync first, or confirm to restore anyway.</source>
        <translation>本机有 {count} 项更改尚未上传到服务器。恢复会替换这些更改（它们仍保存在被替换的数据库文件中，该文件保留在新数据库旁边）。请先同步，或确认仍要恢复。</translation>
    </message>
    <message>
        <source>The backup file {path} is damaged ({reason}); nothing was changed. Use another copy of the backup.</source>
        <translation>备份文件 {path} 已损坏（{reason}），未做任何更改。请使用该备份的另一份副本。</translation>
    </message>
    <message>
        <source>The data in {path} is locked; unlock it before restoring.</source>
        <translation>{path} 中的数据已锁定，请先解锁再恢复。</translation>
    </message>
    <message>
        <source>Restoring the database…</source>
        <translation>正在恢复数据库…</translation>
    </message>
    <message>
        <source>This backup was made on another computer or with another key. Enter the password that opened Liaison when the backup was made.</source>
        <translation>此备份是在另一台电脑上或用另一把密钥制作的。请输入制作备份时用来打开驻企通的密码。</translation>
    </message>
    <message>
        <source>That is not the password of this backup. Enter the password that opened Liaison when the backup was made.</source>
        <translation>这不是此备份的密码。请输入制作备份时用来打开驻企通的密码。</translation>
    </message>
    <message>
        <source>Restoring attachments…</source>
        <translation>正在恢复附件…</translation>
    </message>
</context>
</TS>
