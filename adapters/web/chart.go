package web

import (
	"html/template"

	"passionbot/bot"
)

func ChartSVG(title string, c *bot.Chart, lang string) template.HTML { return "" }
