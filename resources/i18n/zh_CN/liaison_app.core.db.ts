<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Database</name>
    <message>
        <source>The data folder {path} cannot be written to ({reason}). Choose another folder with --data-dir or ask IT to fix its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {path} is not a Liaison database. It was left untouched; restore a backup or choose another data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} is damaged and cannot be read ({reason}). It was left untouched; restore one of the automatic backups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database was written by a newer version of Liaison (schema {found}, this version knows {known}). Install the newer version to open it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
