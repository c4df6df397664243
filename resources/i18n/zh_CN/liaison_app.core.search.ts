<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Search</name>
    <message>
        <source>Enterprise</source>
        <extracomment>Title counts ten times the body in the ranking: a hit on an enterprise&apos;s name beats a passing mention in some visit&apos;s notes. Characters NFKC folds in ways that change tokens: full-width letters and digits (typed by Chinese input methods), the ideographic space, circled and squared forms, compatibility ideographs and ligatures. Full-width punctuation (，。、) folds too, but it separates tokens either way, so ordinary Chinese text can skip the (costly) normalisation. What each kind of hit is called where hits are listed.</extracomment>
        <translation>企业</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Proxy case</source>
        <translation>代办项目</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申请</translation>
    </message>
</context>
</TS>
