<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Printing</name>
    <message>
        <source>The enterprise no longer exists.</source>
        <extracomment>Form id -&gt; the kind of record it prints from (&quot;visit&quot;, &quot;roster&quot; or an application kind). The procedure forms also print from a proxy case (领办代办), see ``PROXY_FORMS``. The forms an application of each kind prints, main form first. Forms that print from a proxy case as well as from a procedure application. How long a power of attorney printed from a case still open is valid.</extracomment>
        <translation>该企业已不存在。</translation>
    </message>
    <message>
        <source>“{text}” is not a year like 2026.</source>
        <extracomment>The document number printed on it (numbered forms only).</extracomment>
        <translation>“{text}”不是年份（如 2026）。</translation>
    </message>
    <message>
        <source>“{text}” is not a half year like 2026-1 (January to June) or 2026-2 (July to December).</source>
        <translation>“{text}”不是半年（如 2026-1 表示1至6月，2026-2 表示7至12月）。</translation>
    </message>
    <message>
        <source>The form “{form}” is not printed from a record here.</source>
        <extracomment>The field of each numbered form&apos;s data that carries its document number.</extracomment>
        <translation>表单“{form}”不能在此从记录打印。</translation>
    </message>
    <message>
        <source>A {kind} does not print on the form “{form}”.</source>
        <translation>“{kind}”不能打印为表单“{form}”。</translation>
    </message>
    <message>
        <source>The form “{form}” never carries full ID numbers; print it masked.</source>
        <extracomment>The document number printed, and whether it is final (else 待编号 until a sync).</extracomment>
        <translation>表单“{form}”不得显示完整身份证号，请以脱敏方式打印。</translation>
    </message>
</context>
</TS>
