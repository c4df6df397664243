<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SelfTest</name>
    <message>
        <source>{ok} of {total} checks passed.</source>
        <extracomment>A word that appears in no demo text, so the search below can only find our visit.</extracomment>
        <translation>{total} 项检查中通过 {ok} 项。</translation>
    </message>
</context>
</TS>
