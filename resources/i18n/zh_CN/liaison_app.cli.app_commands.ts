<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>open the window (the default with no command)</source>
        <translation>打开程序窗口（不带命令时的默认操作）</translation>
    </message>
    <message>
        <source>open every page offscreen on demo data and check it</source>
        <translation>在后台用演示数据打开每个页面并自检</translation>
    </message>
    <message>
        <source>Open every page and editor offscreen on a temporary copy of demo data, save a visit and search for it. Exit status 0 only if all of it worked.</source>
        <translation>在后台用临时演示数据打开每个页面和编辑窗口，保存一条走访记录并搜索它。全部正常时退出状态为 0。</translation>
    </message>
    <message>
        <source>render the window on a page to a PNG file</source>
        <translation>把程序窗口的某个页面保存为 PNG 图片</translation>
    </message>
    <message>
        <source>Render the window on one page to a PNG file. The window&apos;s size and page are not remembered for the next start.</source>
        <translation>把程序窗口的某个页面保存为 PNG 图片。截图用的窗口大小和页面不会影响下次启动。</translation>
    </message>
    <message>
        <source>the PNG file to write</source>
        <translation>要写入的 PNG 文件</translation>
    </message>
    <message>
        <source>today, enterprises, visits, requests, proxy, applications, satisfaction, reports, sync, search:QUERY, or lock (the lock screen) (default today)</source>
        <translation>today、enterprises、visits、requests、proxy、applications、satisfaction、reports、sync、search:查询词 或 lock（锁屏界面）（默认 today）</translation>
    </message>
    <message>
        <source>window size in pixels (default 1280x800)</source>
        <translation>窗口大小，单位为像素（默认 1280x800）</translation>
    </message>
    <message>
        <source>language of the window (default: the one in the settings)</source>
        <translation>窗口语言（默认：设置中选择的语言）</translation>
    </message>
    <message>
        <source>--size must look like 1280x800 (width x height in pixels).</source>
        <translation>--size 应写成 1280x800 的形式（宽 x 高，单位为像素）。</translation>
    </message>
</context>
</TS>
