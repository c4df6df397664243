<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Demo</name>
    <message>
        <source>The database in {path} already holds records; demo data was not added. Use --force to add it anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at least one enterprise and zero or more visits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo county created: {officers} officers, {enterprises} enterprises, {visits} visits, {follow_ups} follow-up actions in {seconds:.1f} s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
