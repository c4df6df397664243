<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
