<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Printing</name>
    <message>
        <source>The enterprise no longer exists.</source>
        <extracomment>Form id -&gt; the kind of record it prints from (&quot;visit&quot;, &quot;roster&quot; or an application kind). The procedure forms also print from a proxy case (领办代办), see ``PROXY_FORMS``. The forms an application of each kind prints, main form first. Forms that print from a proxy case as well as from a procedure application. How long a power of attorney printed from a case still open is valid. Printed as the issuer on passes and the receiving office on forms.</extracomment>
        <translation>该企业已不存在。</translation>
    </message>
    <message>
        <source>The form “{form}” is not printed from a record here.</source>
        <translation>表单“{form}”不能在此从记录打印。</translation>
    </message>
    <message>
        <source>A {kind} does not print on the form “{form}”.</source>
        <translation>“{kind}”不能打印为表单“{form}”。</translation>
    </message>
    <message>
        <source>The form “{form}” never carries full ID numbers; print it masked.</source>
        <translation>表单“{form}”不得显示完整身份证号，请以脱敏方式打印。</translation>
    </message>
</context>
</TS>
