<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Visit</name>
    <message>
        <source>Routine visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On-site office with departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopening check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Special service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call-back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen enterprise no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the kind of visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a summary of the visit or the problems found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visit date is in the future. Is the date right?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up action {n} has no text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This visit no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
