// The page reading code the content script imports once the cheap gate lets a page through
// (lib/page/page-reading-loader.ts): extraction, sentence splitting, the date finder. Built as a
// script of its own, web-accessible (wxt.config.ts), and run in the content script's isolated world.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { pageReadingModule } from '@/lib/page/page-reading';
import { providePageReading } from '@/lib/page/page-reading-loader';

export default defineUnlistedScript(() => providePageReading(pageReadingModule));
