<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Evaluation</name>
    <message>
        <source>There is no sheet to print: the round invites none of the enterprises on this computer, or evaluates no unit.</source>
        <extracomment>Never: the sheets and the report carry no ID numbers (the preview asks). Unnumbered forms (the preview reads these of every print job).</extracomment>
        <translation>没有可打印的测评表：本轮未邀请本机上的企业，或没有被测评单位。</translation>
    </message>
    <message>
        <source>There is no phone link to print: issue the links first.</source>
        <translation>没有可打印的手机测评链接，请先发放链接。</translation>
    </message>
</context>
</TS>
