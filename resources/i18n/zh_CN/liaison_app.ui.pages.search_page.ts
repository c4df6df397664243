<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SearchPage</name>
    <message>
        <source>Search</source>
        <extracomment>Which page opens a hit of each kind. The hit Enter opens (-1: none); marked in the results. Where Up above the first hit returns (the window&apos;s search box).</extracomment>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Enterprise</source>
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
    <message>
        <source>Type in the search box to find enterprises, visits, requests and proxy cases.</source>
        <translation>在上方搜索框中输入，查找企业、走访、诉求和代办项目。</translation>
    </message>
    <message>
        <source>{n} results for “{q}”</source>
        <translation>“{q}”的搜索结果：{n} 条</translation>
    </message>
    <message>
        <source>Nothing found. Check the spelling, or search for a shorter word.</source>
        <translation>没有找到结果。请检查输入，或换用更短的词语。</translation>
    </message>
</context>
</TS>
