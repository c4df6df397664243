<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SearchPage</name>
    <message>
        <source>Search</source>
        <extracomment>Which page opens a hit of each kind. Said while records a sync received are still being added to the index. Records received but not yet in the index when the results were read. The hit Enter opens (-1: none); marked in the results. Where Up above the first hit returns (the window&apos;s search box).</extracomment>
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
        <source>{n} records just received are still being added to search; some results may be missing. The results update by themselves.</source>
        <translation>刚收到的 {n} 条记录正在加入搜索，结果可能不全；加入完成后结果会自动更新。</translation>
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
        <source>Nothing found yet among the records already added to search.</source>
        <translation>在已加入搜索的记录中暂未找到结果。</translation>
    </message>
    <message>
        <source>Nothing found. Check the spelling, or search for a shorter word.</source>
        <translation>没有找到结果。请检查输入，或换用更短的词语。</translation>
    </message>
</context>
</TS>
