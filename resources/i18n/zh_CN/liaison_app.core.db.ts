<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Database</name>
    <message>
        <source>The data folder {path} cannot be written to ({reason}). Choose another folder with --data-dir or ask IT to fix its permissions.</source>
        <extracomment>Errors of either driver (plain SQLite for old files, SQLCipher for the live database). The data folder has not been unlocked in this process. A database from before encryption: convert it (``security.conversion``) first.</extracomment>
        <translation>数据文件夹 {path} 无法写入（{reason}）。请用 --data-dir 另选文件夹，或请信息技术人员修正其权限。</translation>
    </message>
    <message>
        <source>The file {path} is not a Liaison database. It was left untouched; restore a backup or choose another data folder.</source>
        <translation>文件 {path} 不是驻企通数据库。该文件未被改动；请恢复备份或另选数据文件夹。</translation>
    </message>
    <message>
        <source>The database {path} is not encrypted yet; it is encrypted when Liaison starts and the data folder is unlocked.</source>
        <translation>数据库 {path} 尚未加密；启动驻企通并解锁数据文件夹时将对其加密。</translation>
    </message>
    <message>
        <source>The data in {path} is locked. Unlock it with your password first.</source>
        <translation>{path} 中的数据已锁定，请先用密码解锁。</translation>
    </message>
    <message>
        <source>The database {path} is damaged and cannot be read ({reason}). It was left untouched; restore one of the automatic backups.</source>
        <translation>数据库 {path} 已损坏，无法读取（{reason}）。该文件未被改动；请恢复一份自动备份。</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Liaison (schema {found}, this version knows {known}). Install the newer version to open it.</source>
        <translation>此数据库由更新版本的驻企通创建（结构版本 {found}，本版本只支持到 {known}）。请安装新版本后再打开。</translation>
    </message>
</context>
</TS>
