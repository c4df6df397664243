<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Import</name>
    <message>
        <source>{name} had this credit code and was deleted; it is not imported again.</source>
        <extracomment>Its current values, by ``EnterpriseInput`` field. Deleted, but still holding its code (the server keeps every code it has seen). Credit codes -&gt; the enterprises holding them. The app looks in its database, the server in its records; the codes come normalised, at most a few hundred per call. SQLite allows many more bound variables, but short IN lists keep every query plan cheap. Row number -&gt; the enterprise with that row&apos;s credit code. Row number -&gt; what was done with it, for every row written or found unchanged.</extracomment>
        <translation>{name} 曾使用此信用代码，已被删除，不再重复导入。</translation>
    </message>
    <message>
        <source>This credit code is already in row {row} of this file.</source>
        <translation>此信用代码已出现在本文件第 {row} 行。</translation>
    </message>
    <message>
        <source>Row {row} ({name}) cannot be saved: {problem} Nothing was imported.</source>
        <extracomment>The enterprise the row updates; None for a new one. For an update, the fields that change; empty for a new one (``data`` has them all).</extracomment>
        <translation>第 {row} 行（{name}）无法保存：{problem} 本次未导入任何数据。</translation>
    </message>
    <message>
        <source>{imported} of {total} rows imported: {created} new, {updated} updated, {unchanged} unchanged ({errors} with errors, {warnings} with warnings).</source>
        <translation>共 {total} 行，已导入 {imported} 行：新增 {created} 家，更新 {updated} 家，{unchanged} 家无变化（{errors} 行有错误，{warnings} 行有警告）。</translation>
    </message>
</context>
</TS>
