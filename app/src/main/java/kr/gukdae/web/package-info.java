@NullMarked
package kr.gukdae.web;

import org.jspecify.annotations.NullMarked;
