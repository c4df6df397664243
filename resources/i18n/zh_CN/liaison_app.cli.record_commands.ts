<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>fill an empty database with a realistic demo county</source>
        <translation>在空数据库中生成一个逼真的演示县</translation>
    </message>
    <message>
        <source>enterprises to create (default 300)</source>
        <translation>要生成的企业数（默认 300）</translation>
    </message>
    <message>
        <source>visits to create (default 3000)</source>
        <translation>要生成的走访记录数（默认 3000）</translation>
    </message>
    <message>
        <source>liaison officers to create (default 30)</source>
        <translation>要生成的联络员人数（默认 30）</translation>
    </message>
    <message>
        <source>requests to create (default: one per enterprise)</source>
        <translation>要生成的诉求数（默认：每家企业一件）</translation>
    </message>
    <message>
        <source>proxy cases to create (default: one per ten enterprises)</source>
        <translation>要生成的代办项目数（默认：每十家企业一个）</translation>
    </message>
    <message>
        <source>share of enterprises with a worker roster and applications (default 0.1)</source>
        <translation>有员工花名册和申请的企业所占比例（默认 0.1）</translation>
    </message>
    <message>
        <source>random seed: the same seed makes the same county (default 1)</source>
        <translation>随机种子：种子相同，生成的演示县也相同（默认 1）</translation>
    </message>
    <message>
        <source>add demo data even though the database already holds records</source>
        <translation>即使数据库中已有记录，也添加演示数据</translation>
    </message>
    <message>
        <source>search enterprises, visits, requests, proxy cases and applications</source>
        <translation>搜索企业、走访、诉求、代办项目和申请</translation>
    </message>
    <message>
        <source>Search every record by words, names, credit codes or phone numbers; one hit per line: kind, id, title.</source>
        <translation>按词语、名称、信用代码或电话号码搜索全部记录；每行一条结果：类别、编号、标题。</translation>
    </message>
    <message>
        <source>what to look for, e.g. 环评 or a company name</source>
        <translation>要查找的内容，例如“环评”或企业名称</translation>
    </message>
    <message>
        <source>at most this many hits (default 20)</source>
        <translation>最多显示的结果数（默认 20）</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>The database in {path} already holds records; demo data was not added. Use --force to add it anyway.</source>
        <translation>{path} 中的数据库已有记录，未添加演示数据。如确需添加，请加 --force 参数。</translation>
    </message>
    <message>
        <source>Give at least one enterprise and zero or more visits.</source>
        <translation>企业数至少为 1，走访数不能为负。</translation>
    </message>
    <message>
        <source>Give zero or more requests and proxy cases, and a roster share between 0 and 1.</source>
        <translation>诉求和代办项目的数量须为零或以上，花名册企业比例须在 0 到 1 之间。</translation>
    </message>
    <message>
        <source>Demo county created: {officers} officers, {enterprises} enterprises, {visits} visits, {follow_ups} follow-up actions in {seconds:.1f} s.</source>
        <translation>已生成演示县数据：联络员 {officers} 名，企业 {enterprises} 家，走访 {visits} 次，跟进事项 {follow_ups} 项，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>Also {requests} requests, {cases} proxy cases, {workers} workers on rosters, {applications} applications and {passes} issued passes.</source>
        <translation>另有诉求 {requests} 件、代办项目 {cases} 个、花名册员工 {workers} 人、申请 {applications} 份、已发通行证 {passes} 张。</translation>
    </message>
    <message>
        <source>And {rounds} satisfaction evaluation rounds with {sheets} score sheets.</source>
        <translation>另有满意度测评轮次 {rounds} 个、测评表 {sheets} 份。</translation>
    </message>
</context>
</TS>
