<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SelfTest</name>
    <message>
        <source>translations loaded</source>
        <extracomment>A word that appears in no demo text, so the search below can only find our visit.</extracomment>
        <translation>界面翻译已加载</translation>
    </message>
    <message>
        <source>the database is encrypted</source>
        <translation>数据库已加密</translation>
    </message>
    <message>
        <source>demo data</source>
        <translation>生成演示数据</translation>
    </message>
    <message>
        <source>page {title}</source>
        <translation>页面：{title}</translation>
    </message>
    <message>
        <source>enterprise editor</source>
        <translation>企业编辑窗口</translation>
    </message>
    <message>
        <source>save a visit in the editor</source>
        <translation>在编辑窗口中保存走访记录</translation>
    </message>
    <message>
        <source>search finds it by a two-character word</source>
        <translation>用两个字的词语搜索到这条记录</translation>
    </message>
    <message>
        <source>settings dialog</source>
        <translation>设置对话框</translation>
    </message>
    <message>
        <source>the lock hides the window; the password unlocks it</source>
        <translation>锁定时窗口内容隐藏，输入密码后解锁</translation>
    </message>
    <message>
        <source>start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>{ok} of {total} checks passed.</source>
        <translation>{total} 项检查中通过 {ok} 项。</translation>
    </message>
</context>
</TS>
